package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.HashPartitioner;
import io.ember.core.JobFailedException;
import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskFunction;
import io.ember.shuffle.MapOutputTracker;
import io.ember.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the DAG scheduler by hand through a recording task scheduler: no threads, no executors. */
class DAGSchedulerTest {
    private final io.ember.rdd.TestingIdContext ids = new io.ember.rdd.TestingIdContext();
    private TestingTaskScheduler tasks;
    private MapOutputTracker tracker;
    private DAGScheduler dag;
    private final Map<Integer, Object> results = new HashMap<>();

    @BeforeEach
    void setUp() {
        tasks = new TestingTaskScheduler();
        tracker = new MapOutputTracker();
        dag = new DAGScheduler(tasks, tracker, new ListenerBus(), new HashMap<>(), 4);
        results.clear();
    }

    /** source (3 partitions) -> shuffle -> reduced (2 partitions) -> mapped (narrow). */
    private RDD<?> twoStageJob() {
        TestingRDD source = new TestingRDD(ids, 3, List.of());
        ShuffleDependency<Object, Object, Object> dep = new ShuffleDependency<>(source, new HashPartitioner(2), null, false, null);
        TestingRDD reduced = new TestingRDD(ids, 2, List.of(dep));
        return new TestingRDD(ids, 2, List.<Dependency<?>>of(new OneToOneDependency<>(reduced)));
    }

    private JobWaiter submit(RDD<?> rdd, int... partitions) {
        TaskFunction<Object, Object> f = (ctx, it) -> "ok";
        JobWaiter w = dag.submitJob(rdd, f, partitions, results::put, new Properties());
        dag.drainEvents();
        return w;
    }

    private void complete(TaskSet set, int... partitionsToFinish) {
        for (Task t : set.tasks()) {
            for (int p : partitionsToFinish) {
                if (t.partitionId() == p) {
                    Object result = t instanceof ShuffleMapTask ? new MapStatus("exec-1", p, new long[] {10, 10}) : "r" + p;
                    dag.taskEnded(t, new TaskEndReason.Success(), result, List.of());
                }
            }
        }
        dag.drainEvents();
    }

    private static int[] partitionsOf(TaskSet set) {
        return set.tasks().stream().mapToInt(Task::partitionId).toArray();
    }

    @Test
    void splitsJobAtShuffleAndRunsParentStageFirst() {
        JobWaiter w = submit(twoStageJob(), 0, 1);
        assertEquals(1, tasks.submitted.size());
        TaskSet map = tasks.last();
        assertTrue(map.tasks().get(0) instanceof ShuffleMapTask);
        assertEquals(3, map.tasks().size());
        complete(map, 0, 1, 2);
        assertEquals(2, tasks.submitted.size());
        TaskSet result = tasks.last();
        assertTrue(result.tasks().get(0) instanceof ResultTask);
        complete(result, 0, 1);
        assertTrue(w.isDone());
        assertEquals(Map.of(0, "r0", 1, "r1"), results);
    }

    @Test
    void reusesFinishedShuffleOutputsAcrossJobs() {
        RDD<?> rdd = twoStageJob();
        submit(rdd, 0, 1);
        complete(tasks.last(), 0, 1, 2);
        complete(tasks.last(), 0, 1);
        int before = tasks.submitted.size();
        JobWaiter second = submit(rdd, 0, 1);
        assertEquals(before + 1, tasks.submitted.size(), "only the result stage runs again");
        assertTrue(tasks.last().tasks().get(0) instanceof ResultTask);
        complete(tasks.last(), 0, 1);
        assertTrue(second.isDone());
    }

    @Test
    void fetchFailureRecomputesOnlyTheLostMapOutputs() {
        submit(twoStageJob(), 0, 1);
        complete(tasks.last(), 0, 1, 2);
        TaskSet result = tasks.last();
        complete(result, 0);
        Task reduce1 = result.tasks().get(1);
        dag.taskEnded(reduce1, new TaskEndReason.FetchFailed(0, 2, List.of(2), 1, "file gone"), null, null);
        dag.drainEvents();
        assertEquals(List.of(2), tracker.missingMaps(0));
        dag.onEvent(new DAGSchedulerEvent.ResubmitFailedStages());
        TaskSet rerunMap = tasks.last();
        assertTrue(rerunMap.tasks().get(0) instanceof ShuffleMapTask);
        assertEquals(1, rerunMap.stageAttempt());
        assertEquals(List.of(2), List.of(partitionsOf(rerunMap)[0]));
        assertEquals(1, rerunMap.tasks().size());
        complete(rerunMap, 2);
        TaskSet rerunResult = tasks.last();
        assertTrue(rerunResult.tasks().get(0) instanceof ResultTask);
        assertEquals(1, rerunResult.tasks().size(), "partition 0 already finished");
        complete(rerunResult, 1);
        assertEquals(2, results.size());
    }

    @Test
    void abortsAfterRepeatedStageFailuresNamingTheStage() {
        JobWaiter w = submit(twoStageJob(), 0, 1);
        complete(tasks.last(), 0, 1, 2);
        for (int attempt = 0; attempt < 4; attempt++) {
            TaskSet result = tasks.last();
            assertTrue(result.tasks().get(0) instanceof ResultTask);
            dag.taskEnded(result.tasks().get(0), new TaskEndReason.FetchFailed(0, 0, List.of(0), 0, "lost again"),
                    null, null);
            dag.drainEvents();
            if (attempt < 3) {
                dag.onEvent(new DAGSchedulerEvent.ResubmitFailedStages());
                complete(tasks.last(), 0);
            }
        }
        assertTrue(w.isDone());
        JobFailedException e = assertThrows(JobFailedException.class, w::await);
        assertTrue(e.getMessage().contains("ResultStage"), e.getMessage());
        assertTrue(e.getMessage().contains("maximum allowed number of times (4)"), e.getMessage());
        assertTrue(e.getMessage().contains("lost again"), e.getMessage());
    }

    @Test
    void taskSetFailureFailsTheJobWithTheOriginalCause() {
        JobWaiter w = submit(twoStageJob(), 0, 1);
        TaskSet map = tasks.last();
        IllegalStateException boom = new IllegalStateException("boom");
        dag.taskSetFailed(map.stageId(), map.stageAttempt(), new io.ember.core.TaskFailedException(map.stageId(), 1, 4, boom));
        dag.drainEvents();
        io.ember.core.TaskFailedException e = assertThrows(io.ember.core.TaskFailedException.class, w::await);
        assertEquals(boom, e.getCause());
        assertEquals(1, e.partition());
        assertEquals(4, e.attempts());
    }

    @Test
    void cancellingAJobGroupFailsOnlyItsJobs() {
        Properties group = new Properties();
        group.setProperty(JobProperties.JOB_GROUP, "g1");
        TaskFunction<Object, Object> f = (ctx, it) -> "ok";
        JobWaiter inGroup = dag.submitJob(twoStageJob(), f, new int[] {0}, (i, r) -> {}, group);
        JobWaiter other = dag.submitJob(twoStageJob(), f, new int[] {0}, (i, r) -> {}, new Properties());
        dag.drainEvents();
        dag.cancelJobGroup("g1");
        dag.drainEvents();
        assertTrue(inGroup.isDone());
        assertFalse(other.isDone());
        assertThrows(io.ember.core.JobCancelledException.class, inGroup::await);
        assertFalse(new ArrayList<>(tasks.cancelled).isEmpty());
    }
}
