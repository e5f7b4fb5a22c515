package io.ember.ui.pages;

import io.ember.deploy.ClusterView.AppView;
import io.ember.deploy.ClusterView.MasterState;
import io.ember.deploy.ClusterView.WorkerView;
import java.util.List;
import java.util.Map;

/** The master's overview ({@code /}) and an application's page ({@code /app/?appId=}). Stateless. */
final class MasterPage {
    private MasterPage() {}

    static String html(MasterState m, Map<String, String> q, long now) {
        List<WorkerView> alive = m.workers().stream().filter(w -> w.state().equals("ALIVE")).toList();
        int cores = alive.stream().mapToInt(WorkerView::cores).sum();
        int coresUsed = alive.stream().mapToInt(WorkerView::coresUsed).sum();
        long memory = alive.stream().mapToLong(WorkerView::memoryMb).sum();
        long memoryUsed = alive.stream().mapToLong(WorkerView::memoryUsedMb).sum();
        StringBuilder b = new StringBuilder("<dl id=\"summary\">");
        b.append("<dt>URL:</dt><dd id=\"master-url\">").append(Html.esc(m.url())).append("</dd>")
                .append("<dt>Workers:</dt><dd id=\"worker-counts\">").append(alive.size()).append(" Alive, ")
                .append(m.workers().size() - alive.size()).append(" Dead</dd>")
                .append("<dt>Cores in use:</dt><dd id=\"cores\">").append(cores).append(" Total, ").append(coresUsed)
                .append(" Used</dd>")
                .append("<dt>Memory in use:</dt><dd id=\"memory\">").append(Html.bytes(memory << 20)).append(" Total, ")
                .append(Html.bytes(memoryUsed << 20)).append(" Used</dd>")
                .append("<dt>Applications:</dt><dd id=\"app-counts\">").append(m.activeApps().size())
                .append(" Running, ").append(m.completedApps().size()).append(" Completed</dd>")
                .append("<dt>Status:</dt><dd>ALIVE</dd></dl>");
        b.append("<h2>Workers (").append(m.workers().size()).append(")</h2><table id=\"workers\">")
                .append(Html.head("Worker Id", "Address", "State", "Cores", "Memory"));
        for (WorkerView w : m.workers()) {
            b.append("<tr>").append(Html.cell(ClusterHtml.link(w.webUiUrl(), w.id(), q)))
                    .append(Html.td(w.host() + ":" + w.port())).append(Html.td(w.state()))
                    .append(Html.num(ClusterHtml.cores(w.cores(), w.coresUsed())))
                    .append(Html.num(ClusterHtml.memory(w.memoryMb(), w.memoryUsedMb()))).append("</tr>");
        }
        b.append("</table>");
        apps(b, "Running Applications", "running-apps", m.activeApps(), q, now);
        apps(b, "Completed Applications", "completed-apps", m.completedApps(), q, now);
        return Html.plain("Ember Master at " + m.url(), b.toString());
    }

    private static void apps(StringBuilder b, String title, String id, List<AppView> apps, Map<String, String> q,
                             long now) {
        b.append("<h2>").append(title).append(" (").append(apps.size()).append(")</h2><table id=\"").append(id)
                .append("\">").append(Html.head("Application ID", "Name", "Cores", "Memory per Executor",
                        "Submitted Time", "User", "State", "Duration"));
        for (AppView a : apps) {
            b.append("<tr>").append(Html.cell(ClusterHtml.link("app/?appId=" + ClusterHtml.param(a.id()), a.id(), q)))
                    .append(Html.cell(ClusterHtml.link(a.endTime() < 0 ? a.driverUiUrl() : "", a.name(), q)))
                    .append(Html.num(a.coresGranted()))
                    .append(Html.num(Html.bytes((long) a.memoryMbPerExecutor() << 20)))
                    .append(Html.td(Html.time(a.startTime()))).append(Html.td(a.user())).append(Html.td(a.state()))
                    .append(Html.num(Html.duration(ClusterJson.duration(a, now)))).append("</tr>");
        }
        b.append("</table>");
    }

    static String appHtml(MasterState m, AppView a, Map<String, String> q, long now) {
        StringBuilder b = new StringBuilder("<dl id=\"app-summary\">");
        b.append("<dt>ID:</dt><dd>").append(Html.esc(a.id())).append("</dd>")
                .append("<dt>Name:</dt><dd>").append(Html.esc(a.name())).append("</dd>")
                .append("<dt>User:</dt><dd>").append(Html.esc(a.user())).append("</dd>")
                .append("<dt>Cores:</dt><dd id=\"app-cores\">")
                .append(a.coresMax() > 0 ? String.valueOf(a.coresMax()) : "Unlimited").append(" (")
                .append(a.coresGranted()).append(" granted)</dd>")
                .append("<dt>Executor Limit:</dt><dd>")
                .append(a.executorLimit() < 0 ? "Unlimited" : String.valueOf(a.executorLimit())).append(" (")
                .append(a.executors().size()).append(" granted)</dd>")
                .append("<dt>Executor Memory:</dt><dd>").append(Html.bytes((long) a.memoryMbPerExecutor() << 20))
                .append("</dd><dt>Submit Date:</dt><dd>").append(Html.time(a.startTime())).append("</dd>")
                .append("<dt>Duration:</dt><dd>").append(Html.duration(ClusterJson.duration(a, now))).append("</dd>")
                .append("<dt>State:</dt><dd id=\"app-state\">").append(Html.esc(a.state())).append("</dd>")
                .append("<dt>Executor Failures:</dt><dd>").append(a.executorFailures()).append("</dd></dl>");
        if (a.endTime() < 0 && !a.driverUiUrl().isEmpty()) {
            b.append("<p>").append(ClusterHtml.link(a.driverUiUrl(), "Application Detail UI", q)).append("</p>");
        }
        b.append("<h2>Executor Summary (").append(a.executors().size()).append(")</h2>")
                .append(ClusterHtml.executors("executors", a.executors(), e -> MasterPages.workerUi(m, e.workerId()),
                        true, q));
        if (!a.removedExecutors().isEmpty()) {
            b.append("<h2>Removed Executors (").append(a.removedExecutors().size()).append(")</h2>")
                    .append(ClusterHtml.executors("removed-executors", a.removedExecutors(),
                            e -> MasterPages.workerUi(m, e.workerId()), true, q));
        }
        b.append("<p>").append(ClusterHtml.link("/", "Back to the master", q)).append("</p>");
        return Html.plain("Application: " + a.name(), b.toString());
    }
}
