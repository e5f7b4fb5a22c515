package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.storage.DiskBlockManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code local-cluster[W,C,M]}: a master and W workers of C cores and M MB running in the
 * driver's JVM (each with its own RPC server on 127.0.0.1), whose executors are separate JVMs
 * started with this JVM's classpath ({@code java.class.path}), so that test classes and
 * application classes on it reach the executors. Work dirs live in a temporary directory
 * removed by {@link #close}.
 */
public final class LocalCluster implements AutoCloseable {
    static final long WORKER_TIMEOUT_MS = 60_000;

    private final Master master;
    private final List<Worker> workers = new ArrayList<>();
    private final Path workDir;

    private LocalCluster(Master master, Path workDir) {
        this.master = master;
        this.workDir = workDir;
    }

    public static LocalCluster start(int workers, int cores, int memoryMb, String secret) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ember-local-cluster-");
        } catch (IOException e) {
            throw new EmberException("Cannot create the local cluster's work directory: " + e.getMessage(), e);
        }
        LocalCluster cluster = new LocalCluster(Master.start("127.0.0.1", 0, secret, WORKER_TIMEOUT_MS), dir);
        try {
            String classPath = System.getProperty("java.class.path");
            for (int i = 0; i < workers; i++) {
                cluster.workers.add(Worker.start("127.0.0.1", cluster.master.address().getPort(), "127.0.0.1", 0, cores,
                        memoryMb, new File(dir.toFile(), "worker-" + i), secret, classPath));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public Master master() {
        return master;
    }

    public List<Worker> workers() {
        return List.copyOf(workers);
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.close();
        }
        master.close();
        DiskBlockManager.deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return "LocalCluster(" + master.url() + ", " + workers.size() + " workers, work dir " + workDir + ")";
    }
}
