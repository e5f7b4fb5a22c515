package io.ember.ui.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.scheduler.ListenerEvent;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.StoreEvents;
import io.ember.ui.store.StoreLimits;
import io.ember.ui.store.TaskData;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelinesTest {
    private static TaskData task(long duration, TaskMetricValues m) {
        return new TaskData(7, 3, 0, 3, 10_000, duration, "1", "host", "SUCCESS", "PROCESS_LOCAL", null, m);
    }

    @Test
    void aTasksPhasesAddUpToItsDuration() {
        TaskMetricValues m = TaskMetricValues.EMPTY.with(TaskMetric.EXECUTOR_RUN_TIME, 80)
                .with(TaskMetric.EXECUTOR_DESERIALIZE_TIME, 5).with(TaskMetric.RESULT_SERIALIZATION_TIME, 3)
                .with(TaskMetric.SHUFFLE_FETCH_WAIT_TIME, 10).with(TaskMetric.PYTHON_WORKER_TIME, 40)
                .with(TaskMetric.SHUFFLE_WRITE_TIME, 6_000_000);
        long[] phases = TaskTimeline.phases(task(100, m));
        // scheduler delay 100 - 80 - 5 - 3 = 12; computing 80 - 10 - 40 - 6 = 24
        assertArrayEquals(new long[] {12, 5, 10, 40, 24, 6, 3}, phases);
    }

    @Test
    void runTimePhasesThatOverflowTheRunTimeAreScaledDown() {
        TaskMetricValues m = TaskMetricValues.EMPTY.with(TaskMetric.EXECUTOR_RUN_TIME, 10)
                .with(TaskMetric.PYTHON_WORKER_TIME, 15).with(TaskMetric.SHUFFLE_FETCH_WAIT_TIME, 5);
        long[] phases = TaskTimeline.phases(task(10, m));
        assertTrue(phases[2] + phases[3] + phases[4] <= 10, java.util.Arrays.toString(phases));
        assertEquals(0, phases[0]);
    }

    @Test
    void theStageTimelineDrawsEveryTaskWithItsPhaseWidthsInProportion() {
        TaskMetricValues m = TaskMetricValues.EMPTY.with(TaskMetric.EXECUTOR_RUN_TIME, 60)
                .with(TaskMetric.PYTHON_WORKER_TIME, 30);
        String html = TaskTimeline.html(List.of(task(60, m)));
        Matcher python = Pattern.compile("class=\"phase python-worker-time\" x=\"[0-9.]+\" y=\"\\d+\" width=\"([0-9.]+)\"")
                .matcher(html);
        Matcher compute = Pattern.compile("class=\"phase computing-time\" x=\"[0-9.]+\" y=\"\\d+\" width=\"([0-9.]+)\"")
                .matcher(html);
        assertTrue(python.find() && compute.find(), html);
        assertEquals(Double.parseDouble(python.group(1)), Double.parseDouble(compute.group(1)), 0.2);
        assertEquals(TimelineSvg.PLOT_W / 2.0, Double.parseDouble(python.group(1)), 1.0);
        assertTrue(html.contains("id=\"timeline-task-7\""));
    }

    @Test
    void theJobsTimelineShowsExecutorsAndJobsAndEscapesDescriptions() {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {40, 10}, -1);
        events.events().add(new ListenerEvent.JobStart(1, 90_000, List.of(), null, "<script>alert(1)</script>",
                List.of()));
        events.events().add(new ListenerEvent.ExecutorRemoved("driver", 95_000, "lost: <b>heartbeat</b>"));
        AppStatusStore store = events.replay(StoreLimits.DEFAULT);
        String html = EventTimeline.forJobs(new PageContext(store, "/", Map.of()), store.jobs());
        assertTrue(html.contains("id=\"timeline-job-0\""), html);
        assertTrue(html.contains("id=\"timeline-job-1\""), html);
        assertTrue(html.contains("class=\"executor-added\""), html);
        assertTrue(html.contains("class=\"executor-removed\""), html);
        assertTrue(html.contains("lost: &lt;b&gt;heartbeat&lt;/b&gt;"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>"), html);
    }
}
