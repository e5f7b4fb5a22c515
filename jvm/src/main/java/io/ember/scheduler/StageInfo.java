package io.ember.scheduler;

import java.util.List;

/**
 * A snapshot of a stage for listeners, the progress bar and the UI: its name (the operation
 * and call site that made its last RDD), its parent stages, and the RDDs it computes (for the
 * stage graph and the storage page).
 */
public record StageInfo(int stageId, int attempt, String name, int numTasks, int jobId, List<Integer> parentIds,
                        List<RddInfo> rdds) {
    public StageInfo {
        parentIds = parentIds == null ? List.of() : List.copyOf(parentIds);
        rdds = rdds == null ? List.of() : List.copyOf(rdds);
    }

    public StageInfo(int stageId, int attempt, String name, int numTasks, int jobId) {
        this(stageId, attempt, name, numTasks, jobId, List.of(), List.of());
    }

    /**
     * One RDD a stage computes: {@code name} is the user's name or the RDD's class,
     * {@code origin} the operation and call site, {@code storageLevel} Spark's description
     * ("Memory Deserialized 1x Replicated"), or "None" when not persisted.
     */
    public record RddInfo(int id, String name, String origin, int numPartitions, List<Integer> parentIds,
                          String storageLevel) {}
}
