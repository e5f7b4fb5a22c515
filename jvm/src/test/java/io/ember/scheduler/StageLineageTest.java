package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.HashPartitioner;
import io.ember.rdd.CountingRDD;
import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskFunction;
import io.ember.rdd.TestingIdContext;
import io.ember.rdd.VisitBudget;
import io.ember.shuffle.MapOutputTracker;
import io.ember.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stage creation, submission and task placement over iterative lineage: a 60-level diamond
 * (each level reads the one below twice) with a shuffle every ten levels, and a chain of
 * shuffles too long for recursion. How often the scheduler looks at each RDD is counted
 * through {@link CountingRDD#preferredLocations}; nothing is timed.
 */
class StageLineageTest {
    private static final int LEVELS = 60;
    private static final int PARTITIONS = 2;
    private final TestingIdContext ids = new TestingIdContext();
    private TestingTaskScheduler tasks;
    private MapOutputTracker tracker;
    private DAGScheduler dag;

    @BeforeEach
    void setUp() {
        tasks = new TestingTaskScheduler();
        tracker = new MapOutputTracker();
        dag = new DAGScheduler(tasks, tracker, new ListenerBus(), new HashMap<>(), 4);
    }

    /** Every tenth level reads the one below through two shuffles, so stages span ten levels. */
    private RDD<?> diamondWithShuffles(VisitBudget looks) {
        CountingRDD below = new CountingRDD(ids, PARTITIONS, List.of(), looks);
        for (int i = 1; i <= LEVELS; i++) {
            List<Dependency<?>> deps = i % 10 == 0
                    ? List.of(new ShuffleDependency<>(below, new HashPartitioner(PARTITIONS), null, false, null),
                            new ShuffleDependency<>(below, new HashPartitioner(PARTITIONS), null, false, null))
                    : List.of(new OneToOneDependency<>(below), new OneToOneDependency<>(below));
            below = new CountingRDD(ids, PARTITIONS, deps, looks);
        }
        return below;
    }

    private void submit(RDD<?> rdd) {
        TaskFunction<Object, Object> f = (ctx, it) -> "ok";
        dag.submitJob(rdd, f, new int[] {0, 1}, (i, r) -> {}, new Properties());
        dag.drainEvents();
    }

    /** Completes every task of the task sets submitted from index {@code from} on; returns the next index. */
    private int completeFrom(int from) {
        int end = tasks.submitted.size();
        for (TaskSet set : tasks.submitted.subList(from, end)) {
            for (Task t : set.tasks()) {
                Object result = t instanceof ShuffleMapTask
                        ? new MapStatus("exec-1", t.partitionId(), new long[] {1, 1}) : "r";
                dag.taskEnded(t, new TaskEndReason.Success(), result, List.of());
            }
        }
        dag.drainEvents();
        return end;
    }

    @Test
    void placingTasksLooksAtEachRddPartitionOncePerStage() {
        VisitBudget looks = new VisitBudget(50_000);
        RDD<?> top = diamondWithShuffles(looks);
        submit(top);
        int shuffleLevels = LEVELS / 10;
        int next = 0;
        for (int level = 0; level < shuffleLevels; level++) {
            assertEquals(next + 2, tasks.submitted.size(), "both map stages of shuffle level " + level);
            assertTrue(tasks.last().tasks().get(0) instanceof ShuffleMapTask);
            next = completeFrom(next);
        }
        assertTrue(tasks.last().tasks().get(0) instanceof ResultTask);
        assertEquals(2 * shuffleLevels + 1, tasks.submitted.size(), "one task set per stage, each stage once");
        // Each map stage spans ten levels (two stages per shuffle level read the same ten), the
        // result stage only the top; each task looks at each RDD of its stage once.
        long exact = (2L * shuffleLevels * 10 + 1) * PARTITIONS;
        assertEquals(exact, looks.count());
    }

    @Test
    void longShuffleChainsGetStagesWithoutRecursion() {
        int length = 20_000;
        RDD<?> rdd = new TestingRDD(ids, 1, List.of());
        for (int i = 0; i < length; i++) {
            @SuppressWarnings("unchecked")
            RDD<io.ember.core.Tuple2<Object, Object>> parent = (RDD<io.ember.core.Tuple2<Object, Object>>) rdd;
            rdd = new TestingRDD(ids, 1, List.of(new ShuffleDependency<>(parent, new HashPartitioner(1), null, false,
                    null)));
        }
        submit(rdd);
        assertEquals(1, tasks.submitted.size(), "only the first map stage can run");
        TaskSet first = tasks.last();
        assertTrue(first.tasks().get(0) instanceof ShuffleMapTask);
        List<Integer> missing = new ArrayList<>(tracker.missingMaps(0));
        assertEquals(List.of(0), missing, "the oldest shuffle runs first");
        completeFrom(0);
        assertEquals(2, tasks.submitted.size());
        assertEquals(List.of(), tracker.missingMaps(0));
    }
}
