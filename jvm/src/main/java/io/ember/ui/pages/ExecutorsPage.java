package io.ember.ui.pages;

import io.ember.ui.store.ExecutorData;
import java.util.List;

/** The Executors tab: every executor, active and removed, with its task totals. */
final class ExecutorsPage {
    private ExecutorsPage() {}

    static String html(PageContext c) {
        List<ExecutorData> all = c.store().executors(true);
        StringBuilder b = new StringBuilder("<table id=\"executors\">");
        b.append(Html.head("Executor ID", "Address", "Status", "Cores", "Active Tasks", "Failed Tasks",
                "Complete Tasks", "Total Tasks", "Task Time (GC Time)", "Input", "Shuffle Read", "Shuffle Write",
                "Storage Memory", "Disk Used", "RDD Blocks", "Python Workers", "Heap Used", "Added", "Removed"));
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
                    .append("</tr>");
        }
        return c.page("Executors", "executors/", b.append("</table>").toString());
    }
}
