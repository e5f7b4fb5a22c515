package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import io.ember.scheduler.ListenerEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With ember.dynamicAllocation.enabled the application starts with no executor, gets executors
 * while tasks queue up, releases them once idle, and still answers correctly afterwards (the
 * shuffle outputs lost with released executors are recomputed).
 */
class DynamicAllocationTest {
    @TempDir
    Path tmp;

    private static void await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting until " + what);
            Thread.sleep(100);
        }
    }

    @Test
    void executorsComeWithTheBacklogAndGoWhenIdle() throws Exception {
        try (TestingCluster cluster = new TestingCluster(tmp, 2, 1);
             EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url()).setAppName("dynamic")
                     .set("ember.executor.memory", "512m").set("ember.dynamicAllocation.enabled", "true")
                     .set("ember.dynamicAllocation.schedulerBacklogTimeout", "200ms")
                     .set("ember.dynamicAllocation.executorIdleTimeout", "2s"))) {
            String app = ec.applicationId();
            Thread.sleep(500);
            assertEquals(0, cluster.master.executorCount(app), "executors before any task");
            Set<String> used = ConcurrentHashMap.newKeySet();
            ec.addListener(e -> {
                if (e instanceof ListenerEvent.TaskStart s) {
                    used.add(s.executorId());
                }
            });
            List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                pairs.add(new Tuple2<>(i % 5, i));
            }
            var sums = ec.parallelizePairs(pairs, 6).mapValues(v -> {
                Thread.sleep(30);
                return v;
            }).reduceByKey(Integer::sum, 2);
            AtomicInteger most = new AtomicInteger();
            Thread watch = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    most.accumulateAndGet(cluster.master.executorCount(app), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            watch.start();
            Map<Integer, Integer> first = new TreeMap<>(sums.collectAsMap());
            watch.interrupt();
            watch.join();
            assertEquals(Map.of(0, 950, 1, 970, 2, 990, 3, 1010, 4, 1030), first);
            assertEquals(2, most.get(), "executors granted while tasks queued (both workers have one core)");

            await(() -> cluster.master.executorCount(app) == 0, 20_000, "idle executors are released");
            Set<String> firstJob = Set.copyOf(used);
            used.clear();
            assertEquals(first, new TreeMap<>(sums.collectAsMap()), "answer after the release (recomputed)");
            assertTrue(!used.isEmpty() && used.stream().noneMatch(firstJob::contains),
                    "new executors ran the second job: " + used + " after " + firstJob);
        }
    }
}
