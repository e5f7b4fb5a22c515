package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.HashPartitioner;
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
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DAG scheduler's end of cleanup, driven by hand without threads: stages go with the last
 * job that needs them, and a cleaned shuffle is forgotten on the event thread before its files
 * are removed.
 */
class DAGSchedulerCleanupTest {
    private final io.ember.rdd.TestingIdContext ids = new io.ember.rdd.TestingIdContext();
    private TestingTaskScheduler tasks;
    private MapOutputTracker tracker;
    private DAGScheduler dag;
    private final List<String> removals = new ArrayList<>();

    @BeforeEach
    void setUp() {
        tasks = new TestingTaskScheduler();
        tracker = new MapOutputTracker();
        dag = new DAGScheduler(tasks, tracker, new ListenerBus(), new HashMap<>(), 4);
    }

    /** source (2 partitions) -> shuffle 0 -> reduced (2 partitions) -> mapped (narrow). */
    private RDD<?> twoStageJob() {
        TestingRDD source = new TestingRDD(ids, 2, List.of());
        ShuffleDependency<Object, Object, Object> dep = new ShuffleDependency<>(source, new HashPartitioner(2), null,
                false, null);
        TestingRDD reduced = new TestingRDD(ids, 2, List.of(dep));
        return new TestingRDD(ids, 2, List.<Dependency<?>>of(new OneToOneDependency<>(reduced)));
    }

    private JobWaiter submit(RDD<?> rdd) {
        TaskFunction<Object, Object> f = (ctx, it) -> "ok";
        JobWaiter w = dag.submitJob(rdd, f, new int[] {0, 1}, (i, r) -> { }, new Properties());
        dag.drainEvents();
        return w;
    }

    private void completeAll(TaskSet set) {
        for (Task t : set.tasks()) {
            Object result = t instanceof ShuffleMapTask ? new MapStatus("exec-1", t.partitionId(), new long[] {1, 1})
                    : "r";
            dag.taskEnded(t, new TaskEndReason.Success(), result, List.of());
        }
        dag.drainEvents();
    }

    private DAGScheduler.Sizes sizes() {
        var reply = dag.sizes();
        dag.drainEvents();
        return reply.getNow(null);
    }

    private void removeShuffle(int shuffleId) {
        dag.removeShuffle(shuffleId, () -> removals.add("files of shuffle " + shuffleId));
        dag.drainEvents();
    }

    @Test
    void aFinishedJobLeavesNoStagesButKeepsItsMapOutputs() {
        RDD<?> rdd = twoStageJob();
        JobWaiter w = submit(rdd);
        assertEquals(new DAGScheduler.Sizes(2, 1, 1), sizes());
        completeAll(tasks.last());
        completeAll(tasks.last());
        assertTrue(w.isDone());
        assertEquals(new DAGScheduler.Sizes(0, 0, 0), sizes());
        assertEquals(List.of(), tracker.missingMaps(0));

        int before = tasks.submitted.size();
        JobWaiter second = submit(rdd);
        assertEquals(before + 1, tasks.submitted.size(), "a new map stage finds its outputs and is skipped");
        assertTrue(tasks.last().tasks().get(0) instanceof ResultTask);
        completeAll(tasks.last());
        assertTrue(second.isDone());
        assertEquals(new DAGScheduler.Sizes(0, 0, 0), sizes());
    }

    @Test
    void aCleanedShuffleIsForgottenThenItsFilesRemoved() {
        RDD<?> rdd = twoStageJob();
        submit(rdd);
        completeAll(tasks.last());
        completeAll(tasks.last());
        assertTrue(tracker.containsShuffle(0));
        removeShuffle(0);
        assertFalse(tracker.containsShuffle(0));
        assertEquals(List.of("files of shuffle 0"), removals);

        int before = tasks.submitted.size();
        submit(rdd);
        assertEquals(before + 1, tasks.submitted.size());
        assertTrue(tasks.last().tasks().get(0) instanceof ShuffleMapTask, "map outputs are computed again");
    }

    @Test
    void aShuffleAnActiveJobNeedsIsKept() {
        submit(twoStageJob());
        completeAll(tasks.last()); // map stage done, result stage running
        removeShuffle(0);
        assertTrue(tracker.containsShuffle(0));
        assertEquals(List.of(), removals);
        assertEquals(new DAGScheduler.Sizes(2, 1, 1), sizes());
        completeAll(tasks.last());
        assertEquals(new DAGScheduler.Sizes(0, 0, 0), sizes());
    }
}
