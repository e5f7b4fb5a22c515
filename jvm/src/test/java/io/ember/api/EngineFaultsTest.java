package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.TaskFailedException;
import io.ember.core.Tuple2;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.RangeRDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TextFileRDD;
import io.ember.rdd.TaskContext;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.TaskEndReason;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lost shuffle files and cached blocks, spilling, retries and failed output, on a real local context. */
class EngineFaultsTest {
    private static EmberContext ec;
    private static final AtomicIntegerArray MAP_RUNS = new AtomicIntegerArray(3);
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path tmp;

    private static EmberContext start(EmberConf conf) {
        ec = new EmberContext(conf.setAppName("faults").set("ember.ui.showConsoleProgress", "false"));
        return ec;
    }

    @AfterEach
    void stop() {
        if (ec != null) {
            ec.stop();
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    /**
     * Map output 1 is deleted from the driver between two jobs over the same shuffle, so the
     * second job's map stage is skipped and its reduce task meets the missing file. Map 1 holds
     * only even keys, so only reduce partition 0 reads it: exactly one fetch failure, then one
     * resubmission of the map stage running map 1 alone, then reduce partition 0 again.
     */
    @Test
    void shuffleOutputDeletedBetweenJobsCausesOneFetchFailureAndRecomputesOnlyThatMap() throws Exception {
        start(new EmberConf(false).setMaster("local[2]"));
        for (int i = 0; i < MAP_RUNS.length(); i++) {
            MAP_RUNS.set(i, 0);
        }
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            data.add(i < 100 || i >= 200 ? i : 2 * i); // slice 1 (100..199) holds even numbers only
        }
        RDD<Tuple2<Integer, Integer>> pairs = new ParallelCollectionRDD<>(ec, data, 3).mapPartitions(it -> {
            MAP_RUNS.incrementAndGet(TaskContext.get().partitionId());
            return it;
        }).map(i -> new Tuple2<>(i % 20, i));
        RDD<Tuple2<Integer, Integer>> sums = new PairRDDFunctions<>(pairs).reduceByKey(Integer::sum, 2);
        Map<Integer, Integer> expected = new TreeMap<>();
        for (int i : data) {
            expected.merge(i % 20, i, Integer::sum);
        }
        assertEquals(expected, new TreeMap<>(new PairRDDFunctions<>(sums).collectAsMap()));
        assertEquals(List.of(1, 1, 1), List.of(MAP_RUNS.get(0), MAP_RUNS.get(1), MAP_RUNS.get(2)));

        int shuffleId = shuffleIdOf(sums);
        File data1 = ec.diskBlockManager().file(new BlockId.ShuffleData(shuffleId, 1));
        File index1 = ec.diskBlockManager().file(new BlockId.ShuffleIndex(shuffleId, 1));
        assertTrue(data1.delete() && index1.delete(), "map output 1 existed and was deleted");
        ec.listenerBus().waitUntilEmpty(10_000);   // the first job's events still queued must not reach the new listener
        List<ListenerEvent> events = new CopyOnWriteArrayList<>();
        ec.addListener(events::add);

        assertEquals(expected, new TreeMap<>(new PairRDDFunctions<>(sums).collectAsMap()));
        ec.listenerBus().waitUntilEmpty(10_000);

        List<TaskEndReason.FetchFailed> fetchFailures = new ArrayList<>();
        for (ListenerEvent e : events) {
            if (e instanceof ListenerEvent.TaskEnd te && te.reason() instanceof TaskEndReason.FetchFailed ff) {
                fetchFailures.add(ff);
            }
        }
        // Both reduce tasks may run when the first reports the missing file; the second then
        // finds map 1 already unregistered and fails too. Either way, only map 1 is lost.
        assertTrue(fetchFailures.size() == 1 || fetchFailures.size() == 2, "fetch failures: " + fetchFailures);
        for (TaskEndReason.FetchFailed ff : fetchFailures) {
            assertEquals(shuffleId, ff.shuffleId());
            assertEquals(List.of(1), ff.lostMaps(), "fetch failures: " + fetchFailures);
        }

        Map<Integer, List<Integer>> attemptsByStage = new TreeMap<>();
        List<Integer> failedStages = new ArrayList<>();
        for (ListenerEvent e : events) {
            if (e instanceof ListenerEvent.StageSubmitted s) {
                attemptsByStage.computeIfAbsent(s.stage().stageId(), k -> new ArrayList<>()).add(s.stage().attempt());
            } else if (e instanceof ListenerEvent.StageCompleted c && c.failureReason() != null) {
                failedStages.add(c.stage().stageId());
            }
        }
        assertEquals(1, failedStages.size(), "one stage attempt failed: " + failedStages);
        int resultStage = failedStages.get(0);
        assertEquals(List.of(0, 1), attemptsByStage.remove(resultStage), "the reduce stage ran again once");
        // What is left is the map stage, submitted once to recompute the lost output (its
        // attempt number depends on whether the scheduler kept the first job's stage).
        assertEquals(1, attemptsByStage.size(), "stages submitted besides the reduce stage: " + attemptsByStage);
        int mapStage = attemptsByStage.keySet().iterator().next();
        assertEquals(1, attemptsByStage.get(mapStage).size(), "the map stage was submitted once");
        List<Integer> mapTasks = new ArrayList<>();
        for (ListenerEvent e : events) {
            if (e instanceof ListenerEvent.TaskStart ts && ts.stageId() == mapStage) {
                mapTasks.add(ts.partition());
            }
        }
        assertEquals(List.of(1), mapTasks, "only the lost map output is recomputed");
        assertEquals(List.of(1, 2, 1), List.of(MAP_RUNS.get(0), MAP_RUNS.get(1), MAP_RUNS.get(2)));
    }

    private static int shuffleIdOf(RDD<?> rdd) {
        for (RDD<?> r = rdd; ; r = r.dependencies().get(0).rdd()) {
            if (r.dependencies().get(0) instanceof ShuffleDependency<?, ?, ?> dep) {
                return dep.shuffleId();
            }
        }
    }

    @Test
    void lostCachedBlocksAreRecomputed() throws Exception {
        start(new EmberConf(false).setMaster("local[2]"));
        RDD<Integer> cached = new ParallelCollectionRDD<>(ec, range(1000), 4).map(i -> i * 2);
        cached.persist(StorageLevel.DISK_ONLY);
        assertEquals(1000, cached.count());
        File f = ec.diskBlockManager().file(new BlockId.RddBlock(cached.id(), 1));
        assertTrue(f.exists(), "block was written to disk");
        assertTrue(f.delete());
        assertEquals(999000L, (long) cached.map(i -> (long) i).reduce(Long::sum));
        RDD<Integer> inMemory = new ParallelCollectionRDD<>(ec, range(100), 2).map(i -> i + 1).cache();
        assertEquals(100, inMemory.count());
        assertTrue(ec.blockManager().dropFromMemory(new BlockId.RddBlock(inMemory.id(), 0)));
        assertEquals(5050, (int) inMemory.reduce(Integer::sum));
    }

    @Test
    void shuffleThreeTimesLargerThanItsMemoryBudgetSpillsAndCompletes() {
        long heap = Runtime.getRuntime().maxMemory();
        double fraction = (8.0 * (1 << 20)) / (heap - Math.min(300L << 20, heap / 4));
        start(new EmberConf(false).setMaster("local[2]").set("ember.memory.fraction", String.valueOf(fraction)));
        long spillsBefore = ec.diskBlockManager().spillFilesCreated();
        int n = 400_000;
        String pad = "x".repeat(40);
        RDD<Tuple2<Integer, String>> pairs = new RangeRDD(ec, 0, n, 1, 4).map(i -> new Tuple2<>((int) (i % 5000), pad + i));
        RDD<Tuple2<Integer, Iterable<String>>> grouped = new PairRDDFunctions<>(pairs).groupByKey(4);
        Map<Integer, Integer> sizes = new HashMap<>();
        for (Tuple2<Integer, Integer> t : new PairRDDFunctions<>(grouped).mapValues(it -> {
            int c = 0;
            for (String ignored : it) {
                c++;
            }
            return c;
        }).collect()) {
            sizes.put(t._1(), t._2());
        }
        assertEquals(5000, sizes.size());
        assertTrue(sizes.values().stream().allMatch(c -> c == 80));
        assertTrue(ec.diskBlockManager().spillFilesCreated() > spillsBefore, "the shuffle spilled to disk");
    }

    @Test
    void aTaskThatFailsOnceRunsExactlyOneExtraTime() {
        start(new EmberConf(false).setMaster("local[2,2]"));
        RUNS.set(0);
        List<Integer> out = new ParallelCollectionRDD<>(ec, range(30), 3).mapPartitions(it -> {
            RUNS.incrementAndGet();
            TaskContext ctx = TaskContext.get();
            if (ctx.partitionId() == 1 && ctx.attemptNumber() == 0) {
                throw new IllegalStateException("transient");
            }
            return it;
        }).collect();
        assertEquals(range(30), out);
        assertEquals(4, RUNS.get());
    }

    @Test
    void localModeRunsAFailingTaskOnceWhateverMaxFailuresSays() {
        start(new EmberConf(false).setMaster("local[2]").set("ember.task.maxFailures", "4"));
        RUNS.set(0);
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> new ParallelCollectionRDD<>(ec, range(3), 1)
                .mapPartitions(it -> {
                    RUNS.incrementAndGet();
                    throw new IllegalStateException("deterministic");
                }).collect());
        assertTrue(e.getMessage().contains("failed 1 time;"), e.getMessage());
        assertEquals(1, RUNS.get(), "as Spark's local mode: no retries");
    }

    @Test
    void userExceptionFailsTheJobWithStagePartitionAttemptsAndCause() {
        start(new EmberConf(false).setMaster("local[2,3]"));
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> new ParallelCollectionRDD<>(ec, range(10), 2)
                .map(i -> {
                    if (i == 7) {
                        throw new ArithmeticException("bad record 7");
                    }
                    return i;
                }).collect());
        assertEquals(1, e.partition());
        assertEquals(3, e.attempts());
        assertTrue(e.getCause() instanceof ArithmeticException);
        assertTrue(e.getMessage().contains("bad record 7"), e.getMessage());
        assertEquals(10, new ParallelCollectionRDD<>(ec, range(10), 2).count(), "the context stays usable");
    }

    @Test
    void failedSaveLeavesNoPartFiles() {
        start(new EmberConf(false).setMaster("local[2,1]"));
        Path out = tmp.resolve("out");
        TaskFailedException failed = assertThrows(TaskFailedException.class, () -> new ParallelCollectionRDD<>(ec, range(10), 2).map(i -> {
            if (i == 9) {
                throw new IllegalStateException("fail late");
            }
            return i;
        }).saveAsTextFile(out.toString()));
        assertEquals("fail late", failed.getCause().getMessage());
        assertFalse(Files.exists(out), "no output directory after a failed job");
        new ParallelCollectionRDD<>(ec, range(10), 2).saveAsTextFile(out.toString());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        EmberException again = assertThrows(EmberException.class,
                () -> new ParallelCollectionRDD<>(ec, range(3), 1).saveAsTextFile(out.toString()));
        assertTrue(again.getMessage().contains(out.toString()));
    }

    @Test
    void badInputGetsClearErrors() {
        EmberException master = assertThrows(EmberException.class,
                () -> new EmberContext(new EmberConf(false).setMaster("locl[2]")));
        assertTrue(master.getMessage().contains("locl[2]"), master.getMessage());
        start(new EmberConf(false).setMaster("local[2]"));
        EmberException missing = assertThrows(EmberException.class, () -> new TextFileRDD(ec, "/no/such/file.txt", 2).count());
        assertTrue(missing.getMessage().contains("/no/such/file.txt"), missing.getMessage());
        Object notSerializable = new Object();
        EmberException closure = assertThrows(EmberException.class,
                () -> new ParallelCollectionRDD<>(ec, range(3), 1).map(i -> i + notSerializable.hashCode()).count());
        assertTrue(closure.getMessage().contains("java.lang.Object is not Serializable"), closure.getMessage());
        EmberException empty = assertThrows(EmberException.class,
                () -> new ParallelCollectionRDD<>(ec, new ArrayList<Integer>(), 2).reduce(Integer::sum));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        RDD<Integer> none = new ParallelCollectionRDD<>(ec, new ArrayList<Integer>(), 2);
        assertEquals("first() called on an empty RDD (RDD " + none.id() + ")",
                assertThrows(EmberException.class, none::first).getMessage());
        EmberException zip = assertThrows(EmberException.class,
                () -> new ParallelCollectionRDD<>(ec, range(4), 2).zip(new ParallelCollectionRDD<>(ec, range(4), 3)));
        assertTrue(zip.getMessage().contains("same number of partitions"), zip.getMessage());
        ec.stop();
        EmberException stopped = assertThrows(EmberException.class, () -> new ParallelCollectionRDD<>(ec, range(3), 1).count());
        assertTrue(stopped.getMessage().contains("stopped"), stopped.getMessage());
    }

    @Test
    void runJobOnASubsetReturnsResultsInRequestedOrder() {
        start(new EmberConf(false).setMaster("local[2]"));
        RDD<Integer> rdd = new ParallelCollectionRDD<>(ec, range(4), 4);
        List<List<Integer>> parts = ec.runJob(rdd, (ctx, it) -> io.ember.rdd.Iterators.toList(it), new int[] {2, 3});
        assertEquals(List.of(List.of(2), List.of(3)), parts);
    }
}
