package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.Tuple2;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker daemon killed with SIGKILL takes its executor with it (the executor notices its
 * worker's pipe close); the master tells the driver, and gives the application a replacement
 * executor on the surviving worker, where the next jobs run with the right answers.
 */
class WorkerLossTest {
    @TempDir
    Path tmp;

    /** pid of the executor JVM that runs the application's tasks. */
    private static long executorPid(EmberContext ec) {
        return ec.parallelize(List.of(1), 1).map(x -> ProcessHandle.current().pid()).collect().get(0);
    }

    private static Map<Integer, Integer> sumsByKey(EmberContext ec) {
        List<Tuple2<Integer, Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pairs.add(new Tuple2<>(i % 10, i));
        }
        return new TreeMap<>(ec.parallelizePairs(pairs, 4).reduceByKey(Integer::sum, 3).collectAsMap());
    }

    @Test
    void killingAWorkerMovesTheApplicationToAReplacementExecutor() throws Exception {
        try (TestingCluster cluster = new TestingCluster(tmp, 2, 1);
             EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url())
                     .setAppName("worker-loss").set("ember.cores.max", "1").set("ember.executor.memory", "512m"))) {
            Map<Integer, Integer> expected = sumsByKey(ec);
            long first = executorPid(ec);
            long host = ProcessHandle.of(first).flatMap(ProcessHandle::parent).orElseThrow().pid();
            Process doomed = cluster.workers.stream().filter(w -> w.pid() == host).findFirst().orElseThrow();
            doomed.destroyForcibly().waitFor();

            assertEquals(expected, sumsByKey(ec), "answer after losing the worker");
            long second = executorPid(ec);
            assertNotEquals(first, second);
            long newHost = ProcessHandle.of(second).flatMap(ProcessHandle::parent).orElseThrow().pid();
            assertNotEquals(host, newHost, "the replacement runs on the surviving worker");
            long deadline = System.currentTimeMillis() + 20_000;
            while (ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false),
                    "the lost worker's executor is still running");
        }
    }
}
