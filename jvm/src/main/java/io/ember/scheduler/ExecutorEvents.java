package io.ember.scheduler;

import java.util.List;
import java.util.Map;

/**
 * What a cluster backend learns about its executors and tells the schedulers. Thread-safe;
 * called from RPC threads and the backend's timers.
 */
public interface ExecutorEvents {
    /**
     * An executor joined with {@code cores} task slots, its logs served at {@code logUrls} (by
     * name: "stdout", "stderr"; empty when nothing serves them), for listeners.
     */
    void executorAdded(String executorId, String host, int cores, Map<String, String> logUrls);

    /**
     * An executor's heartbeat: its running tasks' progress, heap use, storage memory budget and
     * live Python workers (for listeners).
     */
    void executorHeartbeat(String executorId, List<TaskProgress> running, long heapUsedBytes, long maxStorageMemory,
                           int pythonWorkers);

    /**
     * An RDD block of an executor changed ({@code storageLevel} "None" once gone), for listeners
     * (the UI's storage page).
     */
    void blockUpdated(String executorId, int rddId, int partition, String storageLevel, long memorySize,
                      long diskSize);

    /** An executor went away: its running tasks fail, and the map outputs it held are forgotten. */
    void executorLost(String executorId);

    /** The cluster cannot run the waiting jobs: every active job fails with {@code reason}. */
    void failAllJobs(String reason);
}
