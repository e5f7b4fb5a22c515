package io.ember.ui.store;

import java.util.Map;

/** An executor's mutable totals inside the store; guarded by the store's lock. */
final class LiveExecutor {
    final String id;
    String host;
    int cores;
    long addTime;
    long removeTime = -1;
    String removeReason;
    int activeTasks;
    int failedTasks;
    int completedTasks;
    long totalDuration;
    long totalGcTime;
    long inputBytes;
    long shuffleRead;
    long shuffleWrite;
    long heapUsed;
    long maxMemory;
    int pythonWorkers;
    Map<String, String> logUrls = Map.of();

    LiveExecutor(String id) {
        this.id = id;
    }

    /** @param blocks the cached blocks it holds, their memory and disk sizes (counted by the store) */
    ExecutorData snapshot(long[] blocks) {
        return new ExecutorData(id, host, removeTime < 0, cores, activeTasks, failedTasks, completedTasks,
                activeTasks + failedTasks + completedTasks, totalDuration, totalGcTime, inputBytes, shuffleRead,
                shuffleWrite, addTime, removeTime, removeReason, heapUsed, (int) blocks[0], blocks[1], blocks[2],
                maxMemory, pythonWorkers, logUrls);
    }
}
