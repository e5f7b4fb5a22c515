package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
    private final StatusTracker tracker = new StatusTracker();

    @Test
    void followsAJobAndItsStageThroughTheirEvents() {
        StageInfo stage = new StageInfo(3, 0, "map", 2, 7);
        tracker.onEvent(new ListenerEvent.JobStart(7, 0, List.of(3), "nightly"));
        tracker.onEvent(new ListenerEvent.StageSubmitted(stage, 0));
        tracker.onEvent(new ListenerEvent.TaskStart(3, 0, 0, 1, 0, "driver"));
        tracker.onEvent(new ListenerEvent.TaskStart(3, 0, 1, 2, 0, "driver"));
        tracker.onEvent(new ListenerEvent.TaskEnd(3, 0, 0, 1, 0, new TaskEndReason.Success(), 5));
        tracker.onEvent(new ListenerEvent.TaskEnd(3, 0, 1, 2, 0, new TaskEndReason.TaskKilled("x"), 5));

        assertEquals("RUNNING", tracker.getJobInfo(7).status());
        assertArrayEquals(new int[] {7}, tracker.getActiveJobIds());
        assertArrayEquals(new int[] {3}, tracker.getActiveStageIds());
        StatusTracker.StageStatus s = tracker.getStageInfo(3);
        assertEquals(List.of(2, 0, 1, 1), List.of(s.numTasks(), s.numActiveTasks(), s.numCompletedTasks(),
                s.numFailedTasks()));

        tracker.onEvent(new ListenerEvent.StageCompleted(stage, 1, "killed"));
        tracker.onEvent(new ListenerEvent.JobEnd(7, 1, false, null));
        assertEquals("FAILED", tracker.getJobInfo(7).status());
        assertArrayEquals(new int[] {3}, tracker.getJobInfo(7).stageIds());
        assertArrayEquals(new int[0], tracker.getActiveJobIds());
        assertArrayEquals(new int[0], tracker.getActiveStageIds());
    }

    @Test
    void groupsJobsAndForgetsUnknownIds() {
        tracker.onEvent(new ListenerEvent.JobStart(1, 0, List.of(), "a"));
        tracker.onEvent(new ListenerEvent.JobStart(2, 0, List.of(), null));
        tracker.onEvent(new ListenerEvent.JobStart(3, 0, List.of(), "a"));
        tracker.onEvent(new ListenerEvent.JobEnd(3, 0, true, null));
        assertArrayEquals(new int[] {1, 3}, tracker.getJobIdsForGroup("a"));
        assertArrayEquals(new int[] {2}, tracker.getJobIdsForGroup(null));
        assertEquals("SUCCEEDED", tracker.getJobInfo(3).status());
        assertNull(tracker.getJobInfo(99));
        assertNull(tracker.getStageInfo(99));
    }

    @Test
    void keepsOnlyTheMostRecentJobs() {
        for (int j = 0; j < StatusTracker.RETAINED + 5; j++) {
            tracker.onEvent(new ListenerEvent.JobStart(j, 0, List.of(), null));
        }
        assertNull(tracker.getJobInfo(0));
        assertEquals(StatusTracker.RETAINED, tracker.getJobIdsForGroup(null).length);
    }
}
