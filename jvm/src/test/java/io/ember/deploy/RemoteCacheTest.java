package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.api.JavaRDD;
import io.ember.core.EmberConf;
import io.ember.core.LongAccumulator;
import io.ember.rdd.TaskContext;
import io.ember.scheduler.ListenerEvent;
import io.ember.storage.StorageLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that runs on an executor without the cached partition it needs reads it from the
 * executor that holds it, over the block transport, instead of computing it again.
 */
class RemoteCacheTest {
    @TempDir
    Path tmp;

    /** One cached partition of 1,000 "executor id:pid" records; {@code computed} counts computations. */
    private static JavaRDD<String> whereComputed(EmberContext ec, LongAccumulator computed, StorageLevel level) {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(i);
        }
        return ec.parallelize(data, 1).map(x -> {
            computed.add(1);
            return TaskContext.get().env().executorId() + ":" + ProcessHandle.current().pid();
        }).persist(level);
    }

    @Test
    void aCachedPartitionIsReadFromTheExecutorHoldingIt() throws Exception {
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]")
                .setAppName("remote-cache").set("ember.locality.wait", "0"))) {
            LongAccumulator computed = ec.longAccumulator("computed");
            JavaRDD<String> cached = whereComputed(ec, computed, StorageLevel.MEMORY_ONLY);
            String holder = cached.first().split(":")[0];
            assertEquals(1000L, cached.count());
            assertEquals(1000L, computed.value(), "computed once, then read from the cache");

            // keep the holder's only core busy until the read is done, so it must run on the other executor
            String busyMarker = tmp.resolve("holder-busy").toString();
            String releaseMarker = tmp.resolve("release").toString();
            CompletableFuture<List<Integer>> busy = CompletableFuture.supplyAsync(() ->
                    ec.parallelize(List.of(1, 2), 2).map(x -> {
                        if (TaskContext.get().env().executorId().equals(holder)) {
                            Files.writeString(Path.of(busyMarker), "busy");
                            long until = System.currentTimeMillis() + 60_000;
                            while (!Files.exists(Path.of(releaseMarker)) && System.currentTimeMillis() < until) {
                                Thread.sleep(20);
                            }
                        }
                        return x;
                    }).collect());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.exists(Path.of(busyMarker))) {
                assertTrue(System.currentTimeMillis() < deadline, "the holder never got the busy task");
                Thread.sleep(20);
            }
            List<String> readers = cached.mapPartitions(it -> {
                long n = 0;
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
                return List.of(TaskContext.get().env().executorId() + "/" + n).iterator();
            }).collect();
            Files.writeString(Path.of(releaseMarker), "done");
            busy.get();
            String[] reader = readers.get(0).split("/");
            assertNotEquals(holder, reader[0], "the reading task ran on the holder");
            assertEquals("1000", reader[1]);
            assertEquals(1000L, computed.value(), "the partition was recomputed instead of read remotely");
        }
    }

    @Test
    void aReplicatedPartitionSurvivesTheLossOfTheExecutorThatComputedIt() throws Exception {
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]")
                .setAppName("replicated-cache").set("ember.executor.heartbeatInterval", "300ms"))) {
            Map<String, AtomicLong> heartbeatsFrom = new ConcurrentHashMap<>();
            LongAccumulator computed = ec.longAccumulator("computed");
            JavaRDD<String> cached = whereComputed(ec, computed, StorageLevel.MEMORY_ONLY_2);
            String[] holder = cached.first().split(":");
            assertEquals(1000L, computed.value());
            ec.addListener(e -> {
                if (e instanceof ListenerEvent.ExecutorMetricsUpdate u) {
                    heartbeatsFrom.computeIfAbsent(u.executorId(), k -> new AtomicLong()).incrementAndGet();
                }
            });
            // The replica's holder pulls it, then reports it with a heartbeat: wait for three
            // heartbeats from each executor after the block was cached.
            long deadline = System.currentTimeMillis() + 30_000;
            while (heartbeatsFrom.size() < 2 || heartbeatsFrom.values().stream().anyMatch(n -> n.get() < 3)) {
                assertTrue(System.currentTimeMillis() < deadline, "executors stopped sending heartbeats");
                Thread.sleep(20);
            }
            ProcessHandle.of(Long.parseLong(holder[1])).orElseThrow().destroyForcibly();
            assertEquals(1000L, cached.count());
            assertEquals(1000L, computed.value(), "the partition was recomputed although a replica existed");
        }
    }
}
