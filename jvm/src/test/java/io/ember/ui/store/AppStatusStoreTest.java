package io.ember.ui.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.TaskMetric;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppStatusStoreTest {
    @Test
    void jobStageAndTaskCountsFollowTheEvents() {
        AppStatusStore store = new StoreEvents().job(0, 0, new long[] {10, 20, 30}, 1).replay(StoreLimits.DEFAULT);
        JobData job = store.job(0).orElseThrow();
        assertEquals("SUCCEEDED", job.status());
        assertEquals(3, job.numTasks());
        assertEquals(3, job.numCompletedTasks());
        assertEquals(1, job.numFailedTasks());
        assertEquals(3, job.numCompletedIndices());
        assertEquals("desc 0", job.description());
        StageData stage = store.stage(0, 0).orElseThrow();
        assertEquals("COMPLETE", stage.status());
        assertEquals(3, stage.numCompleteTasks());
        assertEquals(1, stage.numFailedTasks());
        assertEquals(10 + 20 + 30 + 4, stage.metrics().get(TaskMetric.EXECUTOR_RUN_TIME));
        assertEquals(10 + 20 + 30, stage.metrics().get(TaskMetric.SHUFFLE_BYTES_WRITTEN));
        List<TaskData> tasks = store.tasks(0, 0).orElseThrow();
        assertEquals(4, tasks.size());
        assertEquals("FAILED", tasks.get(1).status());
        assertEquals("java.lang.IllegalStateException: boom", tasks.get(1).errorMessage());
        ExecutorData driver = store.executors(false).get(0);
        assertEquals(3, driver.completedTasks());
        assertEquals(1, driver.failedTasks());
        assertEquals(60, driver.totalShuffleWrite());
        assertEquals(2, driver.totalCores());
    }

    @Test
    void stagesAJobNeverRanAreSkipped() {
        StoreEvents events = new StoreEvents().job(0, 0, new long[] {1}, -1);
        StageInfo reused = new StageInfo(0, 0, "stage 0", 1, 1);
        StageInfo result = new StageInfo(1, 0, "result", 1, 1);
        events.events().add(new ListenerEvent.JobStart(1, 50, List.of(1, 0), null, null, List.of(result, reused)));
        events.events().add(new ListenerEvent.StageSubmitted(result, 51));
        events.events().add(new ListenerEvent.StageCompleted(result, 52, null));
        events.events().add(new ListenerEvent.JobEnd(1, 53, true, null));
        AppStatusStore store = events.replay(StoreLimits.DEFAULT);
        JobData job = store.job(1).orElseThrow();
        assertEquals(1, job.numSkippedStages());
        assertEquals("result", job.name());
        assertEquals("COMPLETE", store.stage(0, 0).orElseThrow().status()); // still the first job's
    }

    @Test
    void retentionCapsDropTheOldestFinishedWork() {
        StoreEvents events = new StoreEvents();
        for (int j = 0; j < 5; j++) {
            events.job(j, j, new long[] {1, 2, 3, 4}, -1);
        }
        AppStatusStore store = events.replay(new StoreLimits(2, 3, 2, 100));
        assertEquals(List.of(4, 3), store.jobs().stream().map(JobData::jobId).toList());
        assertEquals(List.of(4, 3, 2), store.stages().stream().map(StageData::stageId).toList());
        assertEquals(2, store.tasks(4, 0).orElseThrow().size());
        // totals are kept even when tasks are dropped
        assertEquals(4, store.stage(4, 0).orElseThrow().numCompleteTasks());
    }

    @Test
    void quantilesPickTheNearestRank() {
        AppStatusStore store = new StoreEvents().job(0, 0, new long[] {40, 10, 30, 20, 50}, -1)
                .replay(StoreLimits.DEFAULT);
        List<TaskData> ok = TaskSummary.successful(store.tasks(0, 0).orElseThrow());
        assertArrayEquals(new double[] {10, 20, 30, 40, 50},
                TaskSummary.quantiles(ok, TaskMetric.EXECUTOR_RUN_TIME, new double[] {0, 0.25, 0.5, 0.75, 1}));
    }

    @Test
    void applicationEndMarksItCompleted() {
        StoreEvents events = new StoreEvents();
        AppStatusStore running = events.replay(StoreLimits.DEFAULT);
        assertTrue(!running.application().completed() && running.application().endTime() == -1);
        events.events().add(new ListenerEvent.ApplicationEnd(9_000));
        ApplicationInfo app = events.replay(StoreLimits.DEFAULT).application();
        assertTrue(app.completed());
        assertEquals(9_000, app.endTime());
    }

    @Test
    void aLostExecutorsCachedBlocksLeaveTheStorageList() {
        StoreEvents events = new StoreEvents();
        events.events().add(new ListenerEvent.ExecutorAdded("1", "h1", 1, 1_000));
        events.events().add(new ListenerEvent.ExecutorAdded("2", "h2", 1, 1_000));
        events.events().add(new ListenerEvent.BlockUpdated("1", 7, 0, "Memory Deserialized 1x Replicated", 100, 0));
        events.events().add(new ListenerEvent.BlockUpdated("2", 7, 1, "Memory Deserialized 1x Replicated", 50, 0));
        events.events().add(new ListenerEvent.BlockUpdated("1", 8, 0, "Disk Serialized 1x Replicated", 0, 30));
        events.events().add(new ListenerEvent.ExecutorRemoved("1", 2_000, "lost"));
        AppStatusStore store = events.replay(StoreLimits.DEFAULT);
        assertEquals(List.of(7), store.rdds().stream().map(RddStorageData::id).toList());
        RddStorageData rdd = store.rdd(7).orElseThrow();
        assertEquals(1, rdd.numCachedPartitions());
        assertEquals(50, rdd.memoryUsed());
        assertEquals("2", rdd.partitions().get(0).executorId());
    }
}
