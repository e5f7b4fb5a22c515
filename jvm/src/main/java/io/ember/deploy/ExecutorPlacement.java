package io.ember.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the master launches an application's executors: spread across workers, one executor
 * per worker per pass, so that an application's cores land on as many workers as possible.
 * Pure decisions over snapshots of free resources; the master applies them.
 */
final class ExecutorPlacement {
    /** A worker's free resources, and whether it already runs an executor of the application. */
    record Free(String workerId, int cores, int memoryMb, boolean hostsApp) {}

    /** Launch an executor of {@code cores} cores on the worker. */
    record Launch(String workerId, int cores) {}

    private ExecutorPlacement() {}

    /**
     * Executors for an application wanting {@code coresWanted} more cores, each of
     * {@code coresPerExecutor} cores (0: all free cores of a worker, at most one per worker) and
     * {@code memoryMb} MB.
     */
    static List<Launch> spread(List<Free> workers, int coresPerExecutor, int memoryMb, int coresWanted) {
        int n = workers.size();
        int[] cores = new int[n];
        int[] memory = new int[n];
        boolean[] hosts = new boolean[n];
        for (int i = 0; i < n; i++) {
            cores[i] = workers.get(i).cores();
            memory[i] = workers.get(i).memoryMb();
            hosts[i] = workers.get(i).hostsApp();
        }
        List<Launch> launches = new ArrayList<>();
        int wanted = coresWanted;
        boolean progress = true;
        while (progress && wanted > 0) {
            progress = false;
            for (int i = 0; i < n && wanted > 0; i++) {
                if (coresPerExecutor == 0 && hosts[i]) {
                    continue;
                }
                int c = coresPerExecutor > 0 ? coresPerExecutor : Math.min(cores[i], wanted);
                if (c <= 0 || c > cores[i] || memoryMb > memory[i] || (coresPerExecutor > 0 && c > wanted)) {
                    continue;
                }
                launches.add(new Launch(workers.get(i).workerId(), c));
                cores[i] -= c;
                memory[i] -= memoryMb;
                hosts[i] = true;
                wanted -= c;
                progress = true;
            }
        }
        return launches;
    }

    /**
     * Why no worker could ever run one executor of this size (comparing with their total
     * resources), or null when one could.
     */
    static String whyNoWorkerFits(List<Free> totals, int coresPerExecutor, int memoryMb) {
        int maxCores = 0;
        int maxMemory = 0;
        for (Free w : totals) {
            if (w.cores() >= Math.max(1, coresPerExecutor) && w.memoryMb() >= memoryMb) {
                return null;
            }
            maxCores = Math.max(maxCores, w.cores());
            maxMemory = Math.max(maxMemory, w.memoryMb());
        }
        return "each executor needs " + (coresPerExecutor > 0 ? coresPerExecutor + " cores" : "1 core") + " and "
                + memoryMb + " MB, but no worker has that much (the largest have " + maxCores + " cores and "
                + maxMemory + " MB); lower ember.executor.cores / ember.executor.memory or start bigger workers";
    }
}
