package io.ember.ui.pages;

import io.ember.ui.store.ExecutorData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The Executors tab: every executor, active and removed, with its task totals and links to its
 * logs on its worker's UI (standalone cluster mode; they keep the viewer's {@code token}, which
 * the cluster's daemons share with its drivers).
 */
final class ExecutorsPage {
    /** stdout, then stderr, then any other log by name (as Spark's page lists them). */
    private static final Comparator<Map.Entry<String, String>> LOG_ORDER = Comparator
            .comparing((Map.Entry<String, String> l) -> l.getKey().equals("stdout") ? 0 : l.getKey().equals("stderr") ? 1 : 2)
            .thenComparing(Map.Entry::getKey);

    private ExecutorsPage() {}

    static String html(PageContext c) {
        List<ExecutorData> all = c.store().executors(true);
        StringBuilder b = new StringBuilder("<table id=\"executors\">");
        b.append(Html.head("Executor ID", "Address", "Status", "Cores", "Active Tasks", "Failed Tasks",
                "Complete Tasks", "Total Tasks", "Task Time (GC Time)", "Input", "Shuffle Read", "Shuffle Write",
                "Storage Memory", "Disk Used", "RDD Blocks", "Python Workers", "Heap Used", "Added", "Removed", "Logs"));
        for (ExecutorData e : all) {
            b.append("<tr id=\"executor-").append(Html.esc(e.id())).append("\">")
                    .append(Html.td(e.id())).append(Html.td(e.host()))
                    .append(Html.td(e.isActive() ? "Active" : "Dead"))
                    .append(Html.num(e.totalCores())).append(Html.num(e.activeTasks()))
                    .append(Html.num(e.failedTasks())).append(Html.num(e.completedTasks()))
                    .append(Html.num(e.totalTasks()))
                    .append(Html.num(Html.duration(e.totalDuration()) + " (" + Html.duration(e.totalGCTime()) + ")"))
                    .append(Html.num(Html.bytes(e.totalInputBytes())))
                    .append(Html.num(Html.bytes(e.totalShuffleRead())))
                    .append(Html.num(Html.bytes(e.totalShuffleWrite())))
                    .append(Html.num(Html.bytes(e.memoryUsed()) + " / " + Html.bytes(e.maxMemory())))
                    .append(Html.num(Html.bytes(e.diskUsed()))).append(Html.num(e.rddBlocks()))
                    .append(Html.num(e.pythonWorkers()))
                    .append(Html.num(Html.bytes(e.heapUsedBytes())))
                    .append(Html.td(Html.time(e.addTime())))
                    .append(Html.cell(e.removeTime() < 0 ? "" : Html.esc(Html.time(e.removeTime())) + "<div class=\"err\">"
                            + Html.esc(e.removeReason()) + "</div>"))
                    .append(Html.cell(logs(e, c)))
                    .append("</tr>");
        }
        return c.page("Executors", "executors/", b.append("</table>").toString());
    }

    /** A link per log the executor's worker serves ("stdout", "stderr"), by name; nothing when none. */
    private static String logs(ExecutorData e, PageContext c) {
        StringBuilder b = new StringBuilder();
        e.executorLogs().entrySet().stream().sorted(LOG_ORDER).forEach(l -> b.append(b.length() == 0 ? "" : " ")
                .append(ClusterHtml.link(l.getValue(), l.getKey(), c.query())));
        return b.toString();
    }
}
