package io.ember.ui.pages;

import io.ember.ui.store.ExecutorData;
import io.ember.ui.store.JobData;
import io.ember.ui.store.StageData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The event timeline of the jobs list and of a job's page, as Spark's: a row per executor with
 * markers where it was added (green) and removed (red, with the reason), then a row per job (or
 * per stage of the job) as a bar from submission to completion (to now while running), colored
 * by status and linked to its page. At most {@link #MAX_SPANS} newest spans are drawn (Spark's
 * {@code spark.ui.timeline.jobs.maximum} keeps a bound too). Stateless.
 */
final class EventTimeline {
    static final int MAX_SPANS = 200;
    private static final String ADDED = "#3a9a3a";
    private static final String REMOVED = "#c33";

    /** One bar: a job or a stage. */
    record Span(String label, String href, String rowId, long start, long end, String status) {}

    private EventTimeline() {}

    /** The jobs list's timeline. */
    static String forJobs(PageContext c, List<JobData> jobs) {
        List<Span> spans = new ArrayList<>();
        for (JobData j : jobs) {
            if (j.submissionTime() >= 0) {
                String text = j.description() != null && !j.description().isEmpty() ? j.description() : j.name();
                spans.add(new Span("Job " + j.jobId() + ": " + text, c.base() + "jobs/job/?id=" + j.jobId(),
                        "timeline-job-" + j.jobId(), j.submissionTime(), j.completionTime(), j.status()));
            }
        }
        return draw("jobs-timeline", c.store().executors(true), spans, c.store().application().startTime());
    }

    /** A job's timeline: its stages. */
    static String forStages(PageContext c, JobData job, List<StageData> stages) {
        List<Span> spans = new ArrayList<>();
        for (StageData s : stages) {
            if (s.submissionTime() >= 0) {
                spans.add(new Span("Stage " + s.stageId() + "." + s.attemptId() + ": " + s.name(),
                        c.base() + "stages/stage/?id=" + s.stageId() + "&amp;attempt=" + s.attemptId(),
                        "timeline-stage-" + s.stageId() + "-" + s.attemptId(), s.submissionTime(), s.completionTime(),
                        s.status()));
            }
        }
        long from = job.submissionTime() >= 0 ? job.submissionTime() : c.store().application().startTime();
        return draw("job-timeline", c.store().executors(true), spans, from);
    }

    /** The picture from {@code from} (epoch ms) to the latest event; earlier markers sit at its left edge. */
    static String draw(String id, List<ExecutorData> executors, List<Span> all, long from) {
        long now = System.currentTimeMillis();
        List<Span> spans = all.stream().sorted(Comparator.comparingLong(Span::start).reversed()).limit(MAX_SPANS)
                .sorted(Comparator.comparingLong(Span::start)).toList();
        long start = Math.max(0, from);
        long end = start + 1;
        for (Span s : spans) {
            end = Math.max(end, s.end() >= 0 ? s.end() : now);
        }
        for (ExecutorData e : executors) {
            end = Math.max(end, Math.max(e.addTime(), e.removeTime()));
        }
        TimelineSvg t = new TimelineSvg(id, start, end);
        for (ExecutorData e : executors) {
            int y = t.row("Executor " + e.id(), null, "timeline-executor-" + e.id());
            if (e.addTime() >= 0) {
                t.marker(y, e.addTime(), ADDED, "executor-added", "Executor " + e.id() + " added at "
                        + Html.time(e.addTime()) + " on " + e.host() + " with " + e.totalCores() + " cores");
            }
            if (e.removeTime() >= 0) {
                t.marker(y, e.removeTime(), REMOVED, "executor-removed", "Executor " + e.id() + " removed at "
                        + Html.time(e.removeTime()) + (e.removeReason() == null ? "" : ": " + e.removeReason()));
            }
            t.endRow();
        }
        for (Span s : spans) {
            int y = t.row(s.label(), s.href(), s.rowId());
            long stop = s.end() >= 0 ? s.end() : now;
            t.bar(y, t.x(s.start()), t.width(stop - s.start()), color(s.status()), "span " + s.status().toLowerCase(java.util.Locale.ROOT),
                    s.label() + " (" + s.status() + "): submitted " + Html.time(s.start()) + ", "
                            + (s.end() >= 0 ? "took " + Html.duration(s.end() - s.start()) : "running"));
            t.endRow();
        }
        return "<details open class=\"timeline-box\"><summary>Event Timeline</summary>" + t.svg()
                + TimelineSvg.legend(new String[][] {{ADDED, "Executor added"}, {REMOVED, "Executor removed"},
                        {color("SUCCEEDED"), "Succeeded"}, {color("FAILED"), "Failed"}, {color("RUNNING"), "Running"}})
                + "</details>";
    }

    static String color(String status) {
        return switch (status) {
            case "SUCCEEDED", "COMPLETE" -> "#6ca6cd";
            case "FAILED" -> "#d66";
            case "SKIPPED" -> "#bbb";
            default -> "#8bc48b";   // RUNNING, ACTIVE, PENDING
        };
    }
}
