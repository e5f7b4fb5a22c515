package io.ember.deploy;

import io.ember.core.EmberException;
import io.ember.storage.DiskBlockManager;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code local-cluster[W,C,M]}: a master in the driver's JVM and W worker daemons of C cores and
 * M MB, each its own JVM ({@link WorkerMain}, with this JVM's classpath, so that test and
 * application classes on it reach the executors), all on 127.0.0.1. Workers exit when their
 * standard input closes, so they end with the driver even when it is killed. Work dirs live in
 * a temporary directory removed by {@link #close}. The daemons serve no web UIs here (the
 * cluster's secret is random, so no one could read them); the driver's UI shows the executors.
 */
public final class LocalCluster implements AutoCloseable {
    static final long WORKER_TIMEOUT_MS = 60_000;
    private static final long WORKER_START_MS = 60_000;

    private final Master master;
    private final List<Process> workers = new ArrayList<>();
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
            for (int i = 0; i < workers; i++) {
                cluster.workers.add(startWorker(cluster.master.url(), new File(dir.toFile(), "worker-" + i), cores,
                        memoryMb, secret));
            }
            if (!cluster.master.awaitWorkers(workers, WORKER_START_MS)) {
                throw new EmberException("The workers of local-cluster did not register within "
                        + WORKER_START_MS / 1000 + " s; their output is in " + dir);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        } catch (InterruptedException e) {
            cluster.close();
            Thread.currentThread().interrupt();
            throw new EmberException("Interrupted while starting local-cluster workers", e);
        }
        return cluster;
    }

    /** Starts a worker daemon JVM on 127.0.0.1 that exits when its standard input (a pipe from here) closes. */
    static Process startWorker(String masterUrl, File dir, int cores, int memoryMb, String secret) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", absoluteClassPath(), WorkerMain.class.getName(), masterUrl,
                "--host", "127.0.0.1", "--webui-port", "-1", "--cores", String.valueOf(cores), "--memory", memoryMb + "m",
                "--work-dir", dir.getPath());
        pb.environment().remove("EMBER_AUTH_SECRET");
        if (secret != null) {
            pb.environment().put("EMBER_AUTH_SECRET", secret);
        }
        pb.environment().put(WorkerMain.EXIT_WITH_STDIN, "1");
        dir.mkdirs();
        pb.redirectOutput(new File(dir, "worker.out")).redirectError(new File(dir, "worker.err"));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new EmberException("Cannot start a local-cluster worker JVM: " + e.getMessage(), e);
        }
    }

    /** This JVM's classpath with every entry made absolute (workers and executors run in other directories). */
    static String absoluteClassPath() {
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(new File(entry).getAbsolutePath());
            }
        }
        return cp.toString();
    }

    public Master master() {
        return master;
    }

    /** The worker daemon processes (tests kill them). */
    public List<Process> workers() {
        return List.copyOf(workers);
    }

    /** Stops the workers (which stop their executors), then the master, and deletes the work dirs. */
    @Override
    public void close() {
        for (Process w : workers) {
            w.destroy();
        }
        for (Process w : workers) {
            try {
                if (!w.waitFor(10, TimeUnit.SECONDS)) {
                    w.destroyForcibly();
                }
            } catch (InterruptedException e) {
                w.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        master.close();
        DiskBlockManager.deleteRecursively(workDir);
    }

    @Override
    public String toString() {
        return "LocalCluster(" + master.url() + ", " + workers.size() + " workers, work dir " + workDir + ")";
    }
}
