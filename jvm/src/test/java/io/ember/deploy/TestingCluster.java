package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone cluster for tests: a master in this JVM (no secret) and worker daemons as
 * separate JVMs of the given cores and 512 MB, registered before the constructor returns.
 */
final class TestingCluster implements AutoCloseable {
    final Master master = Master.start("127.0.0.1", 0, null, 60_000);
    final List<Process> workers = new ArrayList<>();

    TestingCluster(Path workDir, int workers, int cores) throws InterruptedException {
        for (int i = 0; i < workers; i++) {
            this.workers.add(LocalCluster.startWorker(master.url(), new File(workDir.toFile(), "worker-" + i), cores,
                    512, null));
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
