package io.ember.ui.store;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An executor's state and task totals, in Spark's REST fields. {@code removeTime} is -1 and
 * {@code removeReason} null while it is active. {@code rddBlocks}, {@code memoryUsed} and
 * {@code diskUsed} sum the cached blocks it holds; {@code maxMemory} is its storage memory budget
 * and {@code pythonWorkers} its live Python worker processes (both from its last heartbeat, 0
 * before the first). {@code executorLogs} maps a log's name ("stdout", "stderr") to the address
 * its worker serves it at, empty when nothing does (local mode). Immutable snapshot.
 */
public record ExecutorData(String id, String host, boolean isActive, int totalCores, int activeTasks,
                           int failedTasks, int completedTasks, int totalTasks, long totalDuration, long totalGCTime,
                           long totalInputBytes, long totalShuffleRead, long totalShuffleWrite, long addTime,
                           long removeTime, String removeReason, long heapUsedBytes, int rddBlocks, long memoryUsed,
                           long diskUsed, long maxMemory, int pythonWorkers, Map<String, String> executorLogs) {
    public ExecutorData {
        executorLogs = executorLogs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(executorLogs));
    }
}
