package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone cluster for tests: a master in this JVM and worker daemons as separate JVMs of
 * the given cores and 512 MB, registered before the constructor returns; {@code secret} null
 * means no authentication.
 */
final class TestingCluster implements AutoCloseable {
    final Master master;
    final List<Process> workers = new ArrayList<>();

    TestingCluster(Path workDir, int workers, int cores) throws InterruptedException {
        this(workDir, workers, cores, null);
    }

    TestingCluster(Path workDir, int workers, int cores, String secret) throws InterruptedException {
        master = Master.start("127.0.0.1", 0, secret, 60_000);
        for (int i = 0; i < workers; i++) {
            this.workers.add(LocalCluster.startWorker(master.url(), new File(workDir.toFile(), "worker-" + i), cores,
                    512, secret));
        }
        assertTrue(master.awaitWorkers(workers, 60_000), "the workers did not register");
    }

    String url() {
        return master.url();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process w : workers) {
            w.destroyForcibly().waitFor();
        }
        master.close();
    }
}
