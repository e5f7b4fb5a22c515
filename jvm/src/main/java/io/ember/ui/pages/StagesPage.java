package io.ember.ui.pages;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.ui.store.StageData;
import java.util.List;

/** The Stages tab: every retained stage attempt with its progress and its data sizes. */
final class StagesPage {
    private StagesPage() {}

    static String html(PageContext c) {
        List<StageData> stages = c.store().stages();
        return c.page("Stages", "stages/", "<p>" + stages.size() + " stage attempts</p>" + table(c, stages));
    }

    /** The table of {@code stages}, one row per attempt (also on a job's page). */
    static String table(PageContext c, List<StageData> stages) {
        if (stages.isEmpty()) {
            return "<p>No stages.</p>";
        }
        StringBuilder b = new StringBuilder("<table class=\"stages\">");
        b.append(Html.head("Stage Id", "Status", "Description", "Submitted", "Duration",
                "Tasks: Succeeded/Total", "Input", "Output", "Shuffle Read", "Shuffle Write", "Spill (Memory)",
                "Spill (Disk)"));
        for (StageData s : stages) {
            String href = c.base() + "stages/stage/?id=" + s.stageId() + "&amp;attempt=" + s.attemptId();
            TaskMetricValues m = s.metrics();
            String id = s.stageId() + (s.attemptId() > 0 ? " (retry " + s.attemptId() + ")" : "");
            b.append("<tr id=\"stage-").append(s.stageId()).append('-').append(s.attemptId()).append("\">")
                    .append(Html.cell(Html.link(href, id)))
                    .append(Html.td(s.status()))
                    .append(Html.cell(Html.link(href, s.name())
                            + (s.failureReason() == null ? "" : "<div class=\"err\">"
                            + Html.esc(s.failureReason()) + "</div>")))
                    .append(Html.td(Html.time(s.submissionTime())))
                    .append(Html.td(Html.duration(duration(s))))
                    .append(Html.cell(Html.bar(s.numCompleteTasks(), s.numFailedTasks(), s.numTasks(),
                            s.numFailedTasks() > 0 ? " (" + s.numFailedTasks() + " failed)" : "")))
                    .append(Html.num(Html.bytesOrBlank(m.get(TaskMetric.INPUT_BYTES_READ))))
                    .append(Html.num(Html.bytesOrBlank(m.get(TaskMetric.OUTPUT_BYTES_WRITTEN))))
                    .append(Html.num(Html.bytesOrBlank(shuffleRead(m))))
                    .append(Html.num(Html.bytesOrBlank(m.get(TaskMetric.SHUFFLE_BYTES_WRITTEN))))
                    .append(Html.num(Html.bytesOrBlank(m.get(TaskMetric.MEMORY_BYTES_SPILLED))))
                    .append(Html.num(Html.bytesOrBlank(m.get(TaskMetric.DISK_BYTES_SPILLED))))
                    .append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** Shuffle bytes read, local and remote. */
    static long shuffleRead(TaskMetricValues m) {
        return m.get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ) + m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ);
    }

    /** Submission to completion, or to now while active; -1 when never submitted. */
    static long duration(StageData s) {
        if (s.submissionTime() < 0) {
            return -1;
        }
        long end = s.completionTime() >= 0 ? s.completionTime() : System.currentTimeMillis();
        return end - s.submissionTime();
    }
}
