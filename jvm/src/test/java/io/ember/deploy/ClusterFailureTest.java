package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.core.EmberException;
import io.ember.core.JobFailedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs fail with the cause named, not a hang or "context stopped", when the cluster cannot run
 * them: the master gives up after repeated executor failures, or no executor remains.
 */
class ClusterFailureTest {
    @TempDir
    Path tmp;
    private TestingCluster cluster;

    @BeforeEach
    void startCluster() throws InterruptedException {
        cluster = new TestingCluster(tmp, 1, 1);
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        cluster.close();
    }

    @Test
    void theMastersReasonReachesTheJobWhenExecutorsKeepFailing() {
        // -Xmx1m: every executor JVM exits at once ("Too small maximum heap")
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url()).setAppName("doomed")
                .set("ember.executor.memory", "1m").set("ember.deploy.maxExecutorRetries", "2"))) {
            JobFailedException e = assertThrows(JobFailedException.class,
                    () -> ec.parallelize(List.of(1, 2, 3), 3).count());
            assertTrue(e.getMessage().contains("2 executors failed") && e.getMessage().contains("heap"),
                    e.getMessage());
            EmberException later = assertThrows(EmberException.class, () -> ec.parallelize(List.of(1), 1));
            assertTrue(later.getMessage().contains("stopped because") && later.getMessage().contains("executors failed"),
                    later.getMessage());
        }
    }

    @Test
    void jobsFailWhenNoExecutorRemainsPastTheTimeout() throws Exception {
        try (EmberContext ec = new EmberContext(new EmberConf(false).setMaster(cluster.url()).setAppName("orphaned")
                .set("ember.executor.memory", "512m").set("ember.scheduler.executorWaitTimeout", "6s"))) {
            assertEquals(3L, countOnceAnExecutorHasStarted(ec));
            Process worker = cluster.workers.get(0);
            List<ProcessHandle> executors = worker.descendants().toList();
            worker.destroyForcibly().waitFor();
            for (ProcessHandle executor : executors) {   // they end with their worker, a moment later
                executor.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            long start = System.currentTimeMillis();
            JobFailedException e = assertThrows(JobFailedException.class,
                    () -> ec.parallelize(List.of(1, 2, 3), 3).count());
            assertTrue(e.getMessage().contains("no executors for") && e.getMessage().contains("worker"),
                    e.getMessage());
            assertTrue(System.currentTimeMillis() - start < 30_000, "took " + (System.currentTimeMillis() - start) + " ms");
        }
    }

    /**
     * The first job, retried while no executor has registered yet: on a loaded machine an
     * executor JVM can take longer to start than the short wait this test configures.
     */
    private static long countOnceAnExecutorHasStarted(EmberContext ec) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (true) {
            try {
                return ec.parallelize(List.of(1, 2, 3), 3).count();
            } catch (JobFailedException e) {
                if (!e.getMessage().contains("none was ever registered") || System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
        }
    }

    @Test
    void aLocalClusterWhoseExecutorsCannotStartFailsAtOnceWithTheReason() {
        long start = System.currentTimeMillis();
        EmberException e = assertThrows(EmberException.class, () -> new EmberContext(new EmberConf(false)
                .setMaster("local-cluster[1,1,1]").setAppName("no-start").set("ember.deploy.maxExecutorRetries", "2")));
        assertTrue(e.getMessage().contains("executors failed") && e.getMessage().contains("heap"), e.getMessage());
        assertTrue(System.currentTimeMillis() - start < 30_000, "took " + (System.currentTimeMillis() - start) + " ms");
    }
}
