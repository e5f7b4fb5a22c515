package io.ember.ui.pages;

import io.ember.deploy.ClusterView.ExecutorView;
import io.ember.deploy.ClusterView.WorkerState;
import java.util.List;
import java.util.Map;

/** A worker's overview: its offer and use, its master, and its running and finished executors with log links. */
final class WorkerPage {
    private WorkerPage() {}

    static String html(WorkerState w, String masterUi, Map<String, String> q) {
        String body = "<dl id=\"summary\"><dt>ID:</dt><dd id=\"worker-id\">" + Html.esc(w.id()) + "</dd>"
                + "<dt>Master URL:</dt><dd>" + ClusterHtml.link(masterUi, w.masterUrl(), q) + "</dd>"
                + "<dt>Cores:</dt><dd id=\"cores\">" + ClusterHtml.cores(w.cores(), w.coresUsed()) + "</dd>"
                + "<dt>Memory:</dt><dd id=\"memory\">" + ClusterHtml.memory(w.memoryMb(), w.memoryUsedMb())
                + "</dd></dl>" + section("Running Executors", "executors", w.executors(), q)
                + section("Finished Executors", "finished-executors", w.finishedExecutors(), q);
        return Html.plain("Ember Worker at " + w.host() + ":" + w.port(), body);
    }

    /** Log links point at this server's own pages (the empty address). */
    private static String section(String title, String id, List<ExecutorView> es, Map<String, String> q) {
        return "<h2>" + title + " (" + es.size() + ")</h2>" + ClusterHtml.executors(id, es, e -> "", false, q);
    }
}
