package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.Accumulator;
import io.ember.core.HashPartitioner;
import io.ember.core.JobCancelledException;
import io.ember.core.LongAccumulator;
import io.ember.rdd.Dependency;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskFunction;
import io.ember.rdd.TestingIdContext;
import io.ember.shuffle.MapOutputTracker;
import io.ember.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery paths of the DAG scheduler, driven by hand without threads: completions that arrive
 * late from an older stage attempt, jobs sharing a parent stage, and accumulator updates from
 * map tasks that run more than once.
 */
class DAGSchedulerRecoveryTest {
    private final TestingIdContext ids = new TestingIdContext();
    private final Map<Long, Accumulator<?, ?>> accumulators = new HashMap<>();
    private TestingTaskScheduler tasks;
    private MapOutputTracker tracker;
    private DAGScheduler dag;

    @BeforeEach
    void setUp() {
        tasks = new TestingTaskScheduler();
        tracker = new MapOutputTracker();
        dag = new DAGScheduler(tasks, tracker, new ListenerBus(), accumulators, 4);
    }

    private static ShuffleDependency<Object, Object, Object> shuffleOf(RDD<?> rdd, int reducers) {
        @SuppressWarnings("unchecked")
        RDD<io.ember.core.Tuple2<Object, Object>> pairs = (RDD<io.ember.core.Tuple2<Object, Object>>) rdd;
        return new ShuffleDependency<>(pairs, new HashPartitioner(reducers), null, false, null);
    }

    /** source (3) -> shuffle 0 -> reduced (2). */
    private RDD<?> twoStages() {
        return new TestingRDD(ids, 2, List.of(shuffleOf(new TestingRDD(ids, 3, List.of()), 2)));
    }

    /** source (2) -> shuffle 0 -> middle (3) -> shuffle 1 -> reduced (2). */
    private RDD<?> threeStages() {
        TestingRDD middle = new TestingRDD(ids, 3, List.of(shuffleOf(new TestingRDD(ids, 2, List.of()), 3)));
        return new TestingRDD(ids, 2, List.of(shuffleOf(middle, 2)));
    }

    private JobWaiter submit(RDD<?> rdd, BiConsumer<Integer, Object> handler) {
        TaskFunction<Object, Object> f = (ctx, it) -> "ok";
        JobWaiter w = dag.submitJob(rdd, f, new int[] {0, 1}, handler, new Properties());
        dag.drainEvents();
        return w;
    }

    private static Task task(TaskSet set, int partition) {
        return set.tasks().stream().filter(t -> t.partitionId() == partition).findFirst().orElseThrow();
    }

    private void succeed(Task t, Object result, Accumulator<?, ?>... updates) {
        Object value = t instanceof ShuffleMapTask ? new MapStatus("exec-1", t.partitionId(), new long[] {1, 1, 1})
                : result;
        dag.taskEnded(t, new TaskEndReason.Success(), value, List.of(updates));
        dag.drainEvents();
    }

    private void fetchFailed(Task t, int shuffleId, int lostMap) {
        dag.taskEnded(t, new TaskEndReason.FetchFailed(shuffleId, lostMap, List.of(lostMap), t.partitionId(),
                "map output " + lostMap + " is gone"), null, null);
        dag.drainEvents();
        dag.onEvent(new DAGSchedulerEvent.ResubmitFailedStages());
    }

    private static LongAccumulator update(LongAccumulator driver, long amount) {
        LongAccumulator copy = (LongAccumulator) driver.zeroCopyWithId();
        copy.add(amount);
        return copy;
    }

    @Test
    void lateResultFromAnOlderAttemptIsCountedOnceAndNotRecomputed() {
        Map<Integer, List<Object>> delivered = new HashMap<>();
        JobWaiter job = submit(twoStages(), (i, r) -> delivered.computeIfAbsent(i, k -> new ArrayList<>()).add(r));
        TaskSet map0 = tasks.last();
        for (int p = 0; p < 3; p++) {
            succeed(task(map0, p), null);
        }
        TaskSet result0 = tasks.last();
        fetchFailed(task(result0, 0), 0, 2);
        TaskSet map1 = tasks.last();
        assertEquals(1, map1.stageAttempt());
        assertEquals(List.of(2), map1.tasks().stream().map(Task::partitionId).toList());
        // Attempt 0's reduce partition 1 was still running when its sibling failed; it succeeds now.
        succeed(task(result0, 1), "late-r1");
        succeed(task(map1, 2), null);
        TaskSet result1 = tasks.last();
        assertEquals(1, result1.stageAttempt());
        assertEquals(List.of(0), result1.tasks().stream().map(Task::partitionId).toList(),
                "the late result counts: only partition 0 is recomputed");
        succeed(task(result1, 0), "r0");
        assertTrue(job.isDone());
        assertEquals(Map.of(0, List.of("r0"), 1, List.of("late-r1")), delivered, "each result delivered once");
    }

    @Test
    void lateMapOutputFromAnOlderAttemptCompletesTheStage() {
        JobWaiter job = submit(threeStages(), (i, r) -> {});
        TaskSet first = tasks.last();
        succeed(task(first, 0), null);
        succeed(task(first, 1), null);
        TaskSet middle0 = tasks.last();
        assertEquals(3, middle0.tasks().size());
        succeed(task(middle0, 1), null);
        fetchFailed(task(middle0, 0), 0, 1); // partition 2 of attempt 0 is still running
        TaskSet first1 = tasks.last();
        assertEquals(List.of(1), first1.tasks().stream().map(Task::partitionId).toList());
        succeed(task(first1, 1), null);
        TaskSet middle1 = tasks.last();
        assertEquals(1, middle1.stageAttempt());
        assertEquals(List.of(0, 2), middle1.tasks().stream().map(Task::partitionId).sorted().toList());
        succeed(task(middle1, 0), null);
        int before = tasks.submitted.size();
        succeed(task(middle0, 2), null); // the straggler of attempt 0 delivers the last missing output
        assertEquals(before + 1, tasks.submitted.size(), "the reduce stage starts once every output exists");
        TaskSet result = tasks.last();
        assertTrue(result.tasks().get(0) instanceof ResultTask);
        succeed(task(middle1, 2), null); // attempt 1's copy of partition 2 finishes later: nothing more to do
        assertEquals(before + 1, tasks.submitted.size(), "no stage submitted twice");
        succeed(task(result, 0), "r0");
        succeed(task(result, 1), "r1");
        assertTrue(job.isDone());
    }

    @Test
    void concurrentJobsComputeASharedMapStageOnce() {
        RDD<?> reduced = twoStages();
        RDD<?> other = new TestingRDD(ids, 2, List.<Dependency<?>>of(new OneToOneDependency<>(reduced)));
        Map<Integer, Object> firstResults = new HashMap<>();
        Map<Integer, Object> secondResults = new HashMap<>();
        JobWaiter first = submit(reduced, firstResults::put);
        JobWaiter second = submit(other, secondResults::put);
        assertEquals(1, tasks.submitted.size(), "the second job waits for the running map stage");
        TaskSet map = tasks.last();
        for (int p = 0; p < 3; p++) {
            succeed(task(map, p), null);
        }
        assertEquals(3, tasks.submitted.size(), "both result stages start when the shared stage ends");
        long mapTaskSets = tasks.submitted.stream().filter(s -> s.tasks().get(0) instanceof ShuffleMapTask).count();
        assertEquals(1, mapTaskSets);
        for (TaskSet set : new ArrayList<>(tasks.submitted.subList(1, 3))) {
            for (Task t : set.tasks()) {
                succeed(t, "r" + set.jobId() + "." + t.partitionId());
            }
        }
        assertTrue(first.isDone() && second.isDone());
        assertEquals(Map.of(0, "r0.0", 1, "r0.1"), firstResults);
        assertEquals(Map.of(0, "r1.0", 1, "r1.1"), secondResults);
    }

    @Test
    void cancellingOneJobKeepsTheSharedMapStageForTheOther() {
        RDD<?> reduced = twoStages();
        JobWaiter first = submit(reduced, (i, r) -> {});
        JobWaiter second = submit(new TestingRDD(ids, 2, List.<Dependency<?>>of(new OneToOneDependency<>(reduced))),
                (i, r) -> {});
        TaskSet map = tasks.last();
        dag.cancelJob(first.jobId(), "test");
        dag.drainEvents();
        assertThrows(JobCancelledException.class, first::await);
        assertFalse(tasks.cancelled.contains(map.stageId()), "the other job still needs the map stage");
        for (int p = 0; p < 3; p++) {
            succeed(task(map, p), null);
        }
        TaskSet result = tasks.last();
        assertTrue(result.tasks().get(0) instanceof ResultTask);
        assertEquals(second.jobId(), result.jobId());
        succeed(task(result, 0), "a");
        succeed(task(result, 1), "b");
        assertTrue(second.isDone());
        assertEquals(2, tasks.submitted.size(), "the map stage ran once");
    }

    @Test
    void mapTaskAccumulatorUpdatesAreMergedOncePerPartition() {
        LongAccumulator counter = new LongAccumulator();
        accumulators.put(counter.id(), counter);
        JobWaiter job = submit(twoStages(), (i, r) -> {});
        TaskSet map0 = tasks.last();
        succeed(task(map0, 0), null, update(counter, 1));
        succeed(task(map0, 1), null, update(counter, 1));
        succeed(task(map0, 1), null, update(counter, 1)); // a duplicate report of the same attempt
        assertEquals(2L, counter.value(), "a duplicated completion is not merged twice");
        succeed(task(map0, 2), null, update(counter, 1));
        assertEquals(3L, counter.value());
        TaskSet result0 = tasks.last();
        succeed(task(result0, 1), "r1", update(counter, 10));
        fetchFailed(task(result0, 0), 0, 2);
        TaskSet map1 = tasks.last();
        succeed(task(map1, 2), null, update(counter, 1)); // map 2 re-runs after its output was lost
        assertEquals(13L, counter.value(), "a re-run map partition is not counted again");
        TaskSet result1 = tasks.last();
        succeed(task(result1, 0), "r0", update(counter, 10));
        succeed(task(result1, 0), "r0", update(counter, 10)); // late duplicate of a finished result
        assertTrue(job.isDone());
        assertEquals(23L, counter.value(), "three map partitions once, two result partitions once");
    }

    @Test
    void lostMapOutputsBehindAFullyCachedRddAreNotRecomputed() {
        java.util.Set<Integer> cached = new java.util.HashSet<>();
        int[] cachedRdd = {-1};
        dag = new DAGScheduler(tasks, tracker, new ListenerBus(), accumulators, 4,
                (rddId, p) -> rddId == cachedRdd[0] && cached.contains(p) ? List.of("exec-1") : List.of());
        RDD<?> reduced = twoStages();
        reduced.persist(io.ember.storage.StorageLevel.MEMORY_ONLY);
        cachedRdd[0] = reduced.id();
        RDD<?> top = new TestingRDD(ids, 2, List.<Dependency<?>>of(new OneToOneDependency<>(reduced)));
        submit(top, (i, r) -> {});
        TaskSet map = tasks.last();
        for (int p = 0; p < 3; p++) {
            succeed(task(map, p), null);
        }
        succeed(task(tasks.last(), 0), "r0");
        succeed(task(tasks.last(), 1), "r1");
        cached.addAll(List.of(0, 1)); // the first job stored both partitions of the cached RDD
        tracker.unregisterMapOutput(0, 1); // then the executor holding map output 1 went away

        JobWaiter second = submit(top, (i, r) -> {});
        assertEquals(3, tasks.submitted.size());
        TaskSet reads = tasks.last();
        assertTrue(reads.tasks().get(0) instanceof ResultTask, "the cached RDD is read, its shuffle not redone");
        succeed(task(reads, 0), "r0");
        succeed(task(reads, 1), "r1");
        assertTrue(second.isDone());

        cached.remove(1); // partition 1 was evicted: it must be recomputed, so its shuffle is needed
        submit(top, (i, r) -> {});
        TaskSet rerun = tasks.last();
        assertTrue(rerun.tasks().get(0) instanceof ShuffleMapTask);
        assertEquals(List.of(1), rerun.tasks().stream().map(Task::partitionId).toList());
    }
}
