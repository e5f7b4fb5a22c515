package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.Broadcast;
import io.ember.api.EmberContext;
import io.ember.api.JavaPairRDD;
import io.ember.api.JavaRDD;
import io.ember.core.EmberConf;
import io.ember.core.LongAccumulator;
import io.ember.core.TaskFailedException;
import io.ember.core.Tuple2;
import io.ember.core.UnserializableException;
import io.ember.scheduler.ListenerEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs on local-cluster[2,1,512] (two executor JVMs, so shuffles cross processes) give the
 * same answers as local mode. One cluster serves all tests of the class.
 */
class LocalClusterTest {
    private static EmberContext ec;
    private static final Set<String> executorsSeen = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]").setAppName("local-cluster-test")
                .set("ember.task.maxFailures", "2").set("ember.locality.wait", "5s"));
        ec.addListener(e -> {
            if (e instanceof ListenerEvent.TaskStart s) {
                executorsSeen.add(s.executorId());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (ec != null) {
            ec.stop();
        }
    }

    private static <T> T inLocalMode(Function<EmberContext, T> job) {
        try (EmberContext local = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("local"))) {
            return job.apply(local);
        }
    }

    private static Map<String, Integer> wordCount(EmberContext ctx) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("the quick brown fox " + (i % 7) + " jumps over the lazy dog " + (i % 3));
        }
        JavaPairRDD<String, Integer> counts = ctx.parallelize(lines, 4)
                .flatMap(l -> List.of(l.split(" ")).iterator())
                .mapToPair(w -> new Tuple2<>(w, 1))
                .reduceByKey(Integer::sum, 3);
        return new TreeMap<>(counts.collectAsMap());
    }

    private static List<String> join(EmberContext ctx) {
        List<Tuple2<Integer, String>> left = new ArrayList<>();
        List<Tuple2<Integer, Integer>> right = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            left.add(new Tuple2<>(i % 50, "l" + i));
            right.add(new Tuple2<>(i % 70, i));
        }
        JavaPairRDD<Integer, Tuple2<String, Integer>> joined =
                ctx.parallelizePairs(left, 3).join(ctx.parallelizePairs(right, 4), 5);
        List<String> out = new ArrayList<>();
        for (Tuple2<Integer, Tuple2<String, Integer>> t : joined.collect()) {
            out.add(t.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void runsOnTwoExecutorJvms() {
        assertTrue(ec.applicationId().startsWith("app-"), ec.applicationId());
        assertEquals(2, ec.defaultParallelism());
        ec.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8).map(x -> x + 1).count();
        assertTrue(executorsSeen.containsAll(Set.of("0", "1")), "tasks ran on " + executorsSeen);
        long driverPid = ProcessHandle.current().pid();
        Set<Long> pids = new HashSet<>(ec.parallelize(List.of(1, 2, 3, 4), 4)
                .map(x -> ProcessHandle.current().pid()).collect());
        assertEquals(2, pids.size(), "executor pids " + pids);
        assertTrue(!pids.contains(driverPid), "a task ran in the driver JVM");
    }

    @Test
    void heartbeatsCarryTheRunningTasksMetrics() {
        List<ListenerEvent.ExecutorMetricsUpdate> updates = new java.util.concurrent.CopyOnWriteArrayList<>();
        ec.addListener(e -> {
            if (e instanceof ListenerEvent.ExecutorMetricsUpdate u) {
                updates.add(u);
            }
        });
        ec.parallelize(List.of(1, 2), 2).map(x -> {
            long end = System.currentTimeMillis() + 2500;
            long spins = 0;
            while (System.currentTimeMillis() < end) {
                spins++; // busy, so the task uses CPU time
            }
            return spins;
        }).collect();
        assertTrue(updates.stream().anyMatch(u -> u.heapUsedBytes() > 0 && u.running().stream()
                .anyMatch(t -> t.runTimeMs() > 0 && t.cpuTimeMs() > 0)), "heartbeats: " + updates);
    }

    @Test
    void wordCountEqualsLocalMode() {
        assertEquals(inLocalMode(LocalClusterTest::wordCount), wordCount(ec));
    }

    @Test
    void joinEqualsLocalMode() {
        assertEquals(inLocalMode(LocalClusterTest::join), join(ec));
    }

    @Test
    void cachedIterativeJobComputesEachPartitionOnce() {
        LongAccumulator computed = ec.longAccumulator("computed");
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(i);
        }
        JavaRDD<Integer> points = ec.parallelize(data, 4).map(x -> {
            computed.add(1);
            return x * 2;
        }).cache();
        long expectedBase = 2L * 999 * 1000 / 2;
        for (int iteration = 0; iteration < 5; iteration++) {
            int shift = iteration;
            long sum = points.map(x -> (long) x + shift).reduce(Long::sum);
            assertEquals(expectedBase + 1000L * shift, sum);
        }
        assertEquals(1000L, computed.value(), "cached partitions were recomputed");
        points.unpersist();
        assertEquals(expectedBase, (long) points.map(x -> (long) x).reduce(Long::sum));
        assertEquals(2000L, computed.value());
    }

    /** The shuffle data files the executors of this application hold now. */
    private static Set<String> executorShuffleFiles() throws java.io.IOException {
        Set<String> files = new HashSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> walk =
                     java.nio.file.Files.walk(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            walk.filter(p -> p.toString().contains(ec.applicationId()) && p.getFileName().toString().endsWith(".data"))
                    .forEach(p -> files.add(p.toString()));
        } catch (java.io.UncheckedIOException e) {
            // another test's temporary files vanished while walking; retry once
            return executorShuffleFiles();
        }
        return files;
    }

    @Test
    void cleaningShuffleDependenciesDeletesExecutorFiles() throws Exception {
        Set<String> before = executorShuffleFiles();
        JavaPairRDD<Integer, Integer> sums = ec.parallelizePairs(List.of(new Tuple2<>(1, 1), new Tuple2<>(2, 2),
                new Tuple2<>(1, 3)), 2).reduceByKey(Integer::sum, 2);
        assertEquals(Map.of(1, 4, 2, 2), sums.collectAsMap());
        Set<String> made = new HashSet<>(executorShuffleFiles());
        made.removeAll(before);
        assertEquals(2, made.size(), "one data file per map task: " + made);
        ec.cleanShuffleDependencies(sums.rdd());
        long deadline = System.currentTimeMillis() + 10_000;
        while (made.stream().anyMatch(f -> new java.io.File(f).exists())) {
            assertTrue(System.currentTimeMillis() < deadline, "executors kept " + made);
            Thread.sleep(50);
        }
        assertEquals(Map.of(1, 4, 2, 2), sums.collectAsMap(), "recomputed from lineage");
    }

    @Test
    void broadcastValuesReachExecutors() {
        Broadcast<Map<Integer, String>> names = ec.broadcast(Map.of(1, "one", 2, "two", 3, "three"));
        List<String> out = ec.parallelize(List.of(1, 2, 3, 1), 4).map(x -> names.value().get(x)).collect();
        assertEquals(List.of("one", "two", "three", "one"), out);
    }

    @Test
    void userExceptionKeepsItsClassAndMessage() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> ec.parallelize(List.of(1, 2, 3), 3)
                .map(x -> {
                    if (x == 2) {
                        throw new IllegalStateException("bad element " + x);
                    }
                    return x;
                }).collect());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("bad element 2", e.getCause().getMessage());
    }

    /** Holds a non-serializable field, so it cannot travel back as itself. */
    static final class HoldsAThread extends RuntimeException {
        @SuppressWarnings("unused")
        private final Object thread = new Object();

        HoldsAThread(String message) {
            super(message);
        }
    }

    @Test
    void unserializableExceptionArrivesAsText() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> ec.parallelize(List.of(1), 1)
                .map(x -> {
                    throw new HoldsAThread("cannot ship me");
                }).collect());
        UnserializableException u = assertInstanceOf(UnserializableException.class, e.getCause());
        assertEquals(HoldsAThread.class.getName(), u.originalClassName());
        assertTrue(u.getMessage().contains("cannot ship me"), u.getMessage());
        assertTrue(u.stackTraceText().contains("LocalClusterTest"), u.stackTraceText());
    }
}
