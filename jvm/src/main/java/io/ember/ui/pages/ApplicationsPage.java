package io.ember.ui.pages;

import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.ApplicationInfo;
import java.util.List;

/** The history server's front page: every application of the log directory, newest first. */
final class ApplicationsPage {
    private ApplicationsPage() {}

    static String html(List<AppStatusStore> apps) {
        StringBuilder b = new StringBuilder("<table id=\"applications\">");
        b.append(Html.head("App ID", "App Name", "Started", "Completed", "Duration", "User"));
        for (AppStatusStore s : apps) {
            ApplicationInfo a = s.application();
            String id = Html.esc(a.id());
            b.append("<tr>").append(Html.cell(Html.link("/history/" + id + "/jobs/", a.id())))
                    .append(Html.td(a.name())).append(Html.td(Html.time(a.startTime())))
                    .append(Html.td(a.completed() ? Html.time(a.endTime()) : "incomplete"))
                    .append(Html.td(Html.duration(a.completed() ? a.endTime() - a.startTime() : -1)))
                    .append(Html.td(a.user())).append("</tr>");
        }
        String body = apps.isEmpty() ? "<p>No applications in the log directory.</p>" : b.append("</table>").toString();
        return Html.plain("Ember History Server", body);
    }
}
