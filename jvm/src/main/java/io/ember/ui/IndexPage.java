package io.ember.ui;

import io.ember.ui.server.UiServer;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.ApplicationInfo;

/** The plain index page (the full HTML pages come later): the application and links to its REST API. */
final class IndexPage {
    private IndexPage() {}

    static String html(AppStatusStore store) {
        ApplicationInfo app = store.application();
        String id = UiServer.escape(app.id());
        String base = "/api/v1/applications/" + id;
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + UiServer.escape(app.name())
                + " - Ember</title></head><body><h1>" + UiServer.escape(app.name()) + "</h1><p>Application " + id
                + "</p><ul>"
                + "<li><a href=\"" + base + "/jobs\">jobs</a></li>"
                + "<li><a href=\"" + base + "/stages\">stages</a></li>"
                + "<li><a href=\"" + base + "/executors\">executors</a></li>"
                + "<li><a href=\"" + base + "/environment\">environment</a></li>"
                + "</ul></body></html>";
    }
}
