package io.ember.ui.pages;

import io.ember.core.TaskMetric;
import io.ember.ui.store.TaskData;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A stage attempt's task table, sorted and paginated on the server: {@code task.sort} (a column
 * key), {@code task.desc}, {@code task.page} (from 1) and {@code task.pageSize}. Column headers
 * link to the same page sorted by that column (again: the other direction). Stateless.
 */
final class TaskTable {
    static final int DEFAULT_PAGE_SIZE = 100;

    /** A sortable column: its query key, header, sort key and cell. */
    private record Column(String key, String header, Comparator<TaskData> order, Function<TaskData, String> cell) {}

    private static final List<Column> COLUMNS = List.of(
            col("index", "Index", Comparator.comparingInt(TaskData::index), t -> Html.num(t.index())),
            col("id", "Task ID", Comparator.comparingLong(TaskData::taskId), t -> Html.num(t.taskId())),
            col("attempt", "Attempt", Comparator.comparingInt(TaskData::attempt), t -> Html.num(t.attempt())),
            col("status", "Status", Comparator.comparing(TaskData::status), t -> Html.td(t.status())),
            col("locality", "Locality", Comparator.comparing(t -> String.valueOf(t.taskLocality())),
                    t -> Html.td(t.taskLocality())),
            col("executor", "Executor", Comparator.comparing(t -> String.valueOf(t.executorId())),
                    t -> Html.td(t.executorId() + " / " + t.host())),
            col("launch", "Launch Time", Comparator.comparingLong(TaskData::launchTime),
                    t -> Html.td(Html.time(t.launchTime()))),
            col("duration", "Duration", Comparator.comparingLong(TaskData::duration),
                    t -> Html.num(Html.duration(t.duration()))),
            metric("gc", "GC Time", TaskMetric.JVM_GC_TIME, true),
            col("shuffleRead", "Shuffle Read", Comparator.comparingLong(t -> StagesPage.shuffleRead(t.metrics())),
                    t -> Html.num(Html.bytesOrBlank(StagesPage.shuffleRead(t.metrics())))),
            metric("shuffleWrite", "Shuffle Write", TaskMetric.SHUFFLE_BYTES_WRITTEN, false),
            metric("spillMemory", "Spill (Memory)", TaskMetric.MEMORY_BYTES_SPILLED, false),
            metric("spillDisk", "Spill (Disk)", TaskMetric.DISK_BYTES_SPILLED, false),
            col("errors", "Errors", Comparator.comparing(t -> String.valueOf(t.errorMessage())),
                    t -> t.errorMessage() == null ? "<td></td>"
                            : "<td class=\"err\">" + Html.esc(t.errorMessage()) + "</td>"));

    private TaskTable() {}

    private static Column col(String key, String header, Comparator<TaskData> order, Function<TaskData, String> cell) {
        return new Column(key, header, order, cell);
    }

    private static Column metric(String key, String header, TaskMetric m, boolean time) {
        return new Column(key, header, Comparator.comparingLong(t -> t.metrics().get(m)),
                t -> Html.num(time ? Html.duration(t.metrics().get(m)) : Html.bytesOrBlank(t.metrics().get(m))));
    }

    /** The table of {@code tasks}; {@code self} is this page's path with its id parameters, escaped. */
    static String html(PageContext c, String self, List<TaskData> tasks) {
        String sortKey = c.query().getOrDefault("task.sort", "index");
        Column sort = COLUMNS.stream().filter(k -> k.key().equals(sortKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sort column: " + sortKey));
        boolean desc = Boolean.parseBoolean(c.query().getOrDefault("task.desc", "false"));
        int pageSize = c.intParam("task.pageSize", DEFAULT_PAGE_SIZE);
        if (pageSize < 1) {
            throw new IllegalArgumentException("bad parameter task.pageSize: " + pageSize);
        }
        int pages = Math.max(1, (tasks.size() + pageSize - 1) / pageSize);
        int page = Math.min(Math.max(1, c.intParam("task.page", 1)), pages);
        Comparator<TaskData> order = sort.order().thenComparingLong(TaskData::taskId);
        List<TaskData> shown = tasks.stream().sorted(desc ? order.reversed() : order)
                .skip((long) (page - 1) * pageSize).limit(pageSize).toList();
        String state = self + "&amp;task.pageSize=" + pageSize;
        StringBuilder b = new StringBuilder();
        int from = tasks.isEmpty() ? 0 : (page - 1) * pageSize + 1;
        b.append(String.format(Locale.ROOT, "<p id=\"task-range\">Tasks %d to %d of %d</p>", from,
                from + shown.size() - (tasks.isEmpty() ? 0 : 1), tasks.size()));
        b.append(pager(state + "&amp;task.sort=" + sort.key() + "&amp;task.desc=" + desc, page, pages));
        b.append("<table id=\"tasks\"><tr>");
        for (Column k : COLUMNS) {
            boolean on = k == sort;
            b.append("<th><a href=\"").append(state).append("&amp;task.sort=").append(k.key())
                    .append("&amp;task.desc=").append(on && !desc).append("\" data-sort=\"").append(k.key())
                    .append("\">").append(k.header()).append(on ? (desc ? " &#9660;" : " &#9650;") : "")
                    .append("</a></th>");
        }
        b.append("</tr>");
        for (TaskData t : shown) {
            b.append("<tr>");
            for (Column k : COLUMNS) {
                b.append(k.cell().apply(t));
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    private static String pager(String state, int page, int pages) {
        if (pages == 1) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"pager\" id=\"task-pager\">Page: ");
        for (int p = 1; p <= pages; p++) {
            b.append(p == page ? "<b>" + p + "</b>"
                    : "<a href=\"" + state + "&amp;task.page=" + p + "\" data-page=\"" + p + "\">" + p + "</a>");
        }
        return b.append("</div>").toString();
    }
}
