package io.ember.ui.pages;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.ui.store.TaskData;
import io.ember.ui.store.TaskSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stage attempt's task timeline: a row per task, drawn from its launch for its duration and
 * cut into the phases where its time went, as Spark's stage page shows them: scheduler delay,
 * task deserialization, shuffle fetch wait, Python worker time, computing, shuffle write and
 * result serialization. The phases of a finished task add up to its duration; a running task
 * is one bar up to now. At most {@link #MAX_TASKS} tasks are drawn, the first launched
 * (Spark's {@code spark.ui.timeline.tasks.maximum}). Stateless.
 */
final class TaskTimeline {
    static final int MAX_TASKS = 1000;

    /** One phase: its name, color and CSS class. */
    enum Phase {
        SCHEDULER_DELAY("Scheduler Delay", "#80b1d3", "scheduler-delay"),
        DESERIALIZATION("Task Deserialization Time", "#fb8072", "deserialization-time"),
        SHUFFLE_FETCH_WAIT("Shuffle Fetch Wait Time", "#fdb462", "shuffle-fetch-wait"),
        PYTHON_WORKER("Python Worker Time", "#bc80bd", "python-worker-time"),
        COMPUTING("Executor Computing Time", "#8dd3c7", "computing-time"),
        SHUFFLE_WRITE("Shuffle Write Time", "#ffed6f", "shuffle-write-time"),
        RESULT_SERIALIZATION("Result Serialization Time", "#b3de69", "result-serialization-time");

        final String label;
        final String color;
        final String cls;

        Phase(String label, String color, String cls) {
            this.label = label;
            this.color = color;
            this.cls = cls;
        }
    }

    private TaskTimeline() {}

    /**
     * How a finished task's duration splits into phases, in milliseconds, in {@link Phase} order.
     * The run-time phases (fetch wait, Python, shuffle write) are cut out of the executor run
     * time, and scaled down together should rounding make them exceed it.
     */
    static long[] phases(TaskData t) {
        TaskMetricValues m = t.metrics();
        long run = m.get(TaskMetric.EXECUTOR_RUN_TIME);
        long fetch = m.get(TaskMetric.SHUFFLE_FETCH_WAIT_TIME);
        long python = m.get(TaskMetric.PYTHON_WORKER_TIME);
        long write = m.get(TaskMetric.SHUFFLE_WRITE_TIME) / 1_000_000;
        long inside = fetch + python + write;
        if (inside > run && inside > 0) {
            fetch = fetch * run / inside;
            python = python * run / inside;
            write = write * run / inside;
        }
        long computing = Math.max(0, run - fetch - python - write);
        return new long[] {TaskSummary.schedulerDelay(t), m.get(TaskMetric.EXECUTOR_DESERIALIZE_TIME), fetch, python,
                computing, write, m.get(TaskMetric.RESULT_SERIALIZATION_TIME)};
    }

    static String html(List<TaskData> all) {
        if (all.isEmpty()) {
            return "";
        }
        List<TaskData> tasks = all.stream().sorted(Comparator.comparingLong(TaskData::launchTime)
                .thenComparingLong(TaskData::taskId)).limit(MAX_TASKS).toList();
        long now = System.currentTimeMillis();
        long start = Math.max(0, tasks.get(0).launchTime());
        long end = start + 1;
        for (TaskData t : tasks) {
            end = Math.max(end, t.duration() >= 0 ? t.launchTime() + t.duration() : now);
        }
        TimelineSvg svg = new TimelineSvg("task-timeline", start, end);
        for (TaskData t : tasks) {
            String name = "Task " + t.index() + "." + t.attempt() + " (" + t.executorId() + ")";
            int y = svg.row(name, null, "timeline-task-" + t.taskId());
            double x = svg.x(t.launchTime());
            if (t.duration() < 0) {
                svg.bar(y, x, svg.width(now - t.launchTime()), "#ccc", "task-running", name + ": running");
            } else {
                drawPhases(svg, y, x, t, name);
            }
            svg.endRow();
        }
        List<String[]> legend = new ArrayList<>();
        for (Phase p : Phase.values()) {
            legend.add(new String[] {p.color, p.label});
        }
        String note = all.size() > tasks.size()
                ? "<p>Showing the first " + tasks.size() + " of " + all.size() + " tasks.</p>" : "";
        return "<details open class=\"timeline-box\"><summary>Event Timeline</summary>" + note + svg.svg()
                + TimelineSvg.legend(legend.toArray(new String[0][])) + "</details>";
    }

    /** The finished task's phases as adjoining bars, scaled so together they span its duration. */
    private static void drawPhases(TimelineSvg svg, int y, double x, TaskData t, String name) {
        long[] ms = phases(t);
        long total = 0;
        for (long v : ms) {
            total += v;
        }
        double fullWidth = svg.width(t.duration());
        StringBuilder tip = new StringBuilder(name).append(", ").append(t.status()).append(", launched ")
                .append(Html.time(t.launchTime())).append(", duration ").append(Html.duration(t.duration()));
        Phase[] phases = Phase.values();
        for (int i = 0; i < phases.length; i++) {
            tip.append("\n").append(phases[i].label).append(": ").append(Html.duration(ms[i]));
        }
        String tooltip = tip.toString();
        for (int i = 0; i < phases.length; i++) {
            if (ms[i] <= 0) {
                continue;
            }
            double w = total == 0 ? 0 : fullWidth * ms[i] / total;
            x = svg.bar(y, x, w, phases[i].color, "phase " + phases[i].cls, tooltip);
        }
        if (total == 0) {
            svg.bar(y, x, fullWidth, Phase.COMPUTING.color, "phase " + Phase.COMPUTING.cls, tooltip);
        }
    }
}
