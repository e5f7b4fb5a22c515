package io.ember.ui.pages;

import io.ember.core.TaskMetric;
import io.ember.ui.store.StageData;
import io.ember.ui.store.TaskData;
import io.ember.ui.store.TaskSummary;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * One stage attempt ({@code ?id=N&attempt=A}): its totals, quantiles of its successful tasks
 * (min, 25th percentile, median, 75th percentile, max) and its task table.
 */
final class StagePage {
    private static final double[] QUANTILES = {0, 0.25, 0.5, 0.75, 1};

    private StagePage() {}

    static String html(PageContext c) {
        int id = c.intParam("id");
        int attempt = c.intParam("attempt", 0);
        StageData s = c.store().stage(id, attempt)
                .orElseThrow(() -> new PageNotFound("unknown stage: " + id + " attempt " + attempt));
        List<TaskData> tasks = c.store().tasks(id, attempt).orElse(List.of());
        StringBuilder b = new StringBuilder("<dl id=\"stage-summary\">");
        b.append("<dt>Status</dt><dd id=\"stage-status\">").append(Html.esc(s.status())).append("</dd>");
        if (c.kill().enabled() && ("ACTIVE".equals(s.status()) || "PENDING".equals(s.status()))) {
            b.append("<dt>Kill</dt><dd>").append(c.kill().stage(id)).append("</dd>");
        }
        b.append("<dt>Name</dt><dd>").append(Html.esc(s.name())).append("</dd>");
        b.append("<dt>Jobs</dt><dd>");
        for (int j : s.jobIds()) {
            b.append(Html.link(c.base() + "jobs/job/?id=" + j, String.valueOf(j))).append(' ');
        }
        b.append("</dd><dt>Tasks</dt><dd id=\"stage-tasks\">").append(s.numCompleteTasks()).append('/')
                .append(s.numTasks()).append(" succeeded, ").append(s.numFailedTasks()).append(" failed</dd>");
        b.append("<dt>Total time across all tasks</dt><dd>")
                .append(Html.duration(s.metrics().get(TaskMetric.EXECUTOR_RUN_TIME))).append("</dd>");
        b.append("<dt>Shuffle write</dt><dd>").append(Html.bytes(s.metrics().get(TaskMetric.SHUFFLE_BYTES_WRITTEN)))
                .append("</dd></dl>");
        if (s.failureReason() != null) {
            b.append("<pre class=\"err\">").append(Html.esc(s.failureReason())).append("</pre>");
        }
        List<TaskData> ok = TaskSummary.successful(tasks);
        b.append("<h2>Summary Metrics for ").append(ok.size()).append(" Completed Tasks</h2>");
        b.append("<table id=\"summary\">").append(Html.head("Metric", "Min", "25th percentile", "Median",
                "75th percentile", "Max"));
        b.append(row(ok, "Duration", t -> t.duration(), Html::duration));
        b.append(row(ok, "Scheduler Delay", t -> TaskSummary.schedulerDelay(t), Html::duration));
        b.append(row(ok, "Task Deserialization Time", metric(TaskMetric.EXECUTOR_DESERIALIZE_TIME), Html::duration));
        b.append(row(ok, "GC Time", metric(TaskMetric.JVM_GC_TIME), Html::duration));
        b.append(row(ok, "Shuffle Read Size", t -> StagesPage.shuffleRead(t.metrics()), Html::bytes));
        b.append(row(ok, "Shuffle Write Size", metric(TaskMetric.SHUFFLE_BYTES_WRITTEN), Html::bytes));
        b.append(row(ok, "Spill (Memory)", metric(TaskMetric.MEMORY_BYTES_SPILLED), Html::bytes));
        b.append(row(ok, "Spill (Disk)", metric(TaskMetric.DISK_BYTES_SPILLED), Html::bytes));
        b.append(row(ok, "Result Serialization Time", metric(TaskMetric.RESULT_SERIALIZATION_TIME), Html::duration));
        b.append(row(ok, "Result Size", metric(TaskMetric.RESULT_SIZE), Html::bytes));
        b.append(row(ok, "Peak Execution Memory", metric(TaskMetric.PEAK_EXECUTION_MEMORY), Html::bytes));
        b.append(row(ok, "Input Size", metric(TaskMetric.INPUT_BYTES_READ), Html::bytes));
        b.append(row(ok, "Input Records", metric(TaskMetric.INPUT_RECORDS_READ), Long::toString));
        b.append(row(ok, "Output Size", metric(TaskMetric.OUTPUT_BYTES_WRITTEN), Html::bytes));
        b.append(row(ok, "Output Records", metric(TaskMetric.OUTPUT_RECORDS_WRITTEN), Long::toString));
        b.append(row(ok, "Shuffle Fetch Wait Time", metric(TaskMetric.SHUFFLE_FETCH_WAIT_TIME), Html::duration));
        b.append(row(ok, "Python Worker Time", metric(TaskMetric.PYTHON_WORKER_TIME), Html::duration));
        b.append("</table>");
        b.append(TaskTimeline.html(tasks));
        b.append("<h2>Tasks (").append(tasks.size()).append(")</h2>");
        String self = c.base() + "stages/stage/?id=" + id + "&amp;attempt=" + attempt;
        b.append(TaskTable.html(c, self, tasks));
        return c.page("Details for Stage " + id + " (Attempt " + attempt + ")", "stages/", b.toString());
    }

    private static ToDoubleFunction<TaskData> metric(TaskMetric m) {
        return t -> t.metrics().get(m);
    }

    private static String row(List<TaskData> tasks, String label, ToDoubleFunction<TaskData> value,
                              LongFunction<String> format) {
        double[] q = TaskSummary.quantiles(tasks, value, QUANTILES);
        StringBuilder b = new StringBuilder("<tr><td>").append(label).append("</td>");
        for (double v : q) {
            b.append(Html.num(format.apply((long) v)));
        }
        return b.append("</tr>").toString();
    }
}
