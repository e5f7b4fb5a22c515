package io.ember.ui.pages;

import io.ember.ui.store.SqlExecutionData;
import java.util.List;

/** The SQL / DataFrame tab: every retained query run, newest first, with its jobs. */
final class SqlPage {
    private SqlPage() {}

    static String html(PageContext c) {
        List<SqlExecutionData> runs = c.store().sqlExecutions();
        if (runs.isEmpty()) {
            return c.page("SQL / DataFrame", "SQL/", "<p>No queries yet.</p>");
        }
        StringBuilder b = new StringBuilder("<table id=\"sql-executions\">");
        b.append(Html.head("ID", "Status", "Description", "Submitted", "Duration", "Job IDs"));
        for (SqlExecutionData e : runs) {
            String href = c.base() + "SQL/execution/?id=" + e.id();
            b.append("<tr id=\"sql-").append(e.id()).append("\">").append(Html.num(Html.link(href,
                            String.valueOf(e.id())))).append(Html.td(e.status()))
                    .append(Html.cell(Html.link(href, e.description())))
                    .append(Html.td(Html.time(e.submissionTime())))
                    .append(Html.td(Html.duration(duration(e))))
                    .append(Html.cell(jobLinks(c, e))).append("</tr>");
        }
        return c.page("SQL / DataFrame", "SQL/", b.append("</table>").toString());
    }

    /** Links to the run's jobs, in id order, each marked by its state. */
    static String jobLinks(PageContext c, SqlExecutionData e) {
        StringBuilder b = new StringBuilder();
        append(c, b, e.successJobIds(), "");
        append(c, b, e.runningJobIds(), " (running)");
        append(c, b, e.failedJobIds(), " (failed)");
        return b.toString();
    }

    private static void append(PageContext c, StringBuilder b, List<Integer> ids, String state) {
        for (int id : ids) {
            b.append(b.length() == 0 ? "" : " ").append("<a class=\"sql-job\" href=\"").append(c.base())
                    .append("jobs/job/?id=").append(id).append("\">").append(id).append("</a>").append(state);
        }
    }

    static long duration(SqlExecutionData e) {
        long end = e.completionTime() >= 0 ? e.completionTime() : System.currentTimeMillis();
        return end - e.submissionTime();
    }
}
