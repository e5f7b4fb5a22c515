package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import io.ember.rdd.TaskContext;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kills an executor JVM with SIGKILL in the middle of a shuffle map stage: the job still gets
 * the right answer, and only the work that was lost with the executor (its running tasks and
 * the map outputs it held) is done again.
 */
class ExecutorLossTest {
    private static final int MAPS = 6; // unlike the 8 tasks of executorPids, so the map stage is told apart

    /** The process ids of the executor JVMs that run tasks, by executor id. */
    static Map<String, Long> executorPids(EmberContext ec) {
        Map<String, Long> pids = new TreeMap<>();
        for (String s : ec.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8)
                .map(x -> TaskContext.get().env().executorId() + "=" + ProcessHandle.current().pid()).collect()) {
            pids.put(s.split("=")[0], Long.parseLong(s.split("=")[1]));
        }
        return pids;
    }

    @Test
    void killingAnExecutorMidShuffleRecomputesOnlyItsWork() throws InterruptedException {
        Map<Long, String> executorOfTask = new ConcurrentHashMap<>();
        Map<Integer, List<String>> mapSuccesses = new ConcurrentHashMap<>();
        List<String> lostTasks = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        int[] mapStage = {-1};
        Map<String, Long> pids = new ConcurrentHashMap<>();
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]")
                .setAppName("executor-loss"))) {
            pids.putAll(executorPids(ec));
            assertEquals(Set.of("0", "1"), pids.keySet());
            ec.addListener(e -> {
                if (e instanceof ListenerEvent.StageSubmitted s && s.stage().numTasks() == MAPS && mapStage[0] < 0) {
                    mapStage[0] = s.stage().stageId();
                } else if (e instanceof ListenerEvent.TaskStart s) {
                    executorOfTask.put(s.taskId(), s.executorId());
                } else if (e instanceof ListenerEvent.TaskEnd t && t.stageId() == mapStage[0]) {
                    String exec = executorOfTask.get(t.taskId());
                    if (t.reason() instanceof TaskEndReason.Success) {
                        mapSuccesses.computeIfAbsent(t.partition(), p -> new ArrayList<>()).add(exec);
                        if (exec.equals("0") && killed.compareAndSet(false, true)) {
                            ProcessHandle.of(pids.get("0")).orElseThrow().destroyForcibly();
                        }
                    } else {
                        synchronized (lostTasks) {
                            lostTasks.add(t.partition() + " on " + exec + ": " + t.reason());
                        }
                    }
                }
            });
            List<Integer> data = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                data.add(i);
            }
            Map<Integer, Integer> counts = new TreeMap<>(ec.parallelize(data, MAPS)
                    .map(x -> {
                        if (x % 500 == 0) {
                            Thread.sleep(150);
                        }
                        return x;
                    })
                    .mapToPair(x -> new Tuple2<>(x % 10, 1))
                    .reduceByKey(Integer::sum, 2)
                    .collectAsMap());
            Map<Integer, Integer> expected = new TreeMap<>();
            for (int k = 0; k < 10; k++) {
                expected.put(k, 400);
            }
            assertEquals(expected, counts);
            assertTrue(killed.get(), "no map task ever finished on executor 0");

            // The master replaces the dead executor, and the replacement runs tasks.
            // Eight tiny tasks can all finish on one executor before the other is offered any,
            // so ask until both have run one (under load a new executor JVM is slow to start).
            long deadline = System.currentTimeMillis() + 60_000;
            Set<String> seen = new TreeSet<>();
            while (!seen.equals(Set.of("1", "2"))) {
                assertTrue(System.currentTimeMillis() < deadline, "executor 0 was not replaced: ran on " + seen);
                if (ec.defaultParallelism() >= 2) {
                    seen.addAll(executorPids(ec).keySet());
                }
                Thread.sleep(100);
            }
        }
        // Every map partition has exactly one success on an executor that survived, and it was
        // done again only if its earlier success was on the killed executor.
        assertEquals(MAPS, mapSuccesses.size(), mapSuccesses.toString());
        int redone = 0;
        for (Map.Entry<Integer, List<String>> e : mapSuccesses.entrySet()) {
            List<String> execs = e.getValue();
            long onSurvivors = execs.stream().filter(x -> !x.equals("0")).count();
            assertEquals(1, onSurvivors, "partition " + e.getKey() + " succeeded on " + execs);
            redone += execs.size() - 1;
            assertEquals(execs.size() - 1, execs.stream().filter(x -> x.equals("0")).count(),
                    "partition " + e.getKey() + " succeeded on " + execs);
        }
        assertTrue(redone >= 1, "the output lost with executor 0 was not recomputed: " + mapSuccesses);
        synchronized (lostTasks) {
            for (String lost : lostTasks) {
                assertTrue(lost.contains("on 0:"), "a task failed elsewhere than on the killed executor: " + lost);
            }
        }
        assertFalse(ProcessHandle.of(pids.get("0")).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void killingAnExecutorMidResultStageRedoesOnlyItsTasksAndLostOutputs() throws InterruptedException {
        int reduces = 4; // unlike MAPS and the 8 tasks of executorPids
        Map<Long, String> executorOfTask = new ConcurrentHashMap<>();
        Map<Integer, List<String>> mapSuccesses = new ConcurrentHashMap<>();
        Map<Integer, List<String>> resultSuccesses = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        Map<Integer, Integer> stageTasks = new ConcurrentHashMap<>();
        AtomicInteger resultStageAttempts = new AtomicInteger();
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster("local-cluster[2,1,512]")
                .setAppName("executor-loss-result"))) {
            Map<String, Long> pids = executorPids(ec);
            ec.addListener(e -> {
                if (e instanceof ListenerEvent.StageSubmitted s) { // a resubmission runs fewer tasks
                    stageTasks.putIfAbsent(s.stage().stageId(), s.stage().numTasks());
                    if (stageTasks.get(s.stage().stageId()) == reduces) {
                        resultStageAttempts.incrementAndGet();
                    }
                } else if (e instanceof ListenerEvent.TaskStart s) {
                    executorOfTask.put(s.taskId(), s.executorId());
                    if (stageTasks.get(s.stageId()) == reduces && s.executorId().equals("0")
                            && killed.compareAndSet(false, true)) {
                        ProcessHandle.of(pids.get("0")).orElseThrow().destroyForcibly();
                    }
                } else if (e instanceof ListenerEvent.TaskEnd t) {
                    String exec = executorOfTask.get(t.taskId());
                    Map<Integer, List<String>> successes = stageTasks.get(t.stageId()) == MAPS ? mapSuccesses
                            : resultSuccesses;
                    if (t.reason() instanceof TaskEndReason.Success) {
                        successes.computeIfAbsent(t.partition(), p -> new ArrayList<>()).add(exec);
                    } else {
                        synchronized (failures) {
                            failures.add(t.partition() + " on " + exec + ": " + t.reason());
                        }
                    }
                }
            });
            List<Integer> data = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                data.add(i);
            }
            List<Integer> sums = ec.parallelize(data, MAPS).mapToPair(x -> new Tuple2<>(x % 8, x))
                    .reduceByKey(Integer::sum, reduces)
                    .mapPartitions(it -> {
                        Thread.sleep(1500); // the kill lands while result tasks run
                        List<Integer> out = new ArrayList<>();
                        it.forEachRemaining(t -> out.add(t._2()));
                        return out.iterator();
                    }).collect();
            assertEquals(4000 * 3999 / 2, sums.stream().mapToInt(Integer::intValue).sum());
            assertEquals(8, sums.size());
            assertTrue(killed.get(), "no result task ever started on executor 0");
        }
        assertEquals(MAPS, mapSuccesses.size(), mapSuccesses.toString());
        for (Map.Entry<Integer, List<String>> e : mapSuccesses.entrySet()) {
            List<String> execs = e.getValue();
            assertEquals(1, execs.stream().filter(x -> !x.equals("0")).count(), "map " + e.getKey() + ": " + execs);
            assertEquals(execs.size() - 1, execs.stream().filter(x -> x.equals("0")).count(),
                    "map " + e.getKey() + " was redone though its output survived: " + execs);
        }
        assertEquals(reduces, resultSuccesses.size(), resultSuccesses.toString());
        // A task of the superseded attempt may still finish after the resubmitted attempt has
        // launched the same partition (as in Spark), so each attempt may succeed once.
        resultSuccesses.forEach((p, execs) -> assertTrue(execs.size() <= resultStageAttempts.get(),
                "result " + p + " ran " + execs + " in " + resultStageAttempts.get() + " stage attempts"));
        synchronized (failures) {
            for (String f : failures) {
                assertTrue(f.contains("on 0:") || f.contains("FetchFailed"), "an unexpected failure: " + f);
            }
        }
    }
}
