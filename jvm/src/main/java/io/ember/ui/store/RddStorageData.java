package io.ember.ui.store;

import java.util.List;

/**
 * A cached RDD as the storage page and {@code storage/rdd} show it: its partitions held
 * somewhere, their total sizes, and each block with the executor holding it. Immutable snapshot.
 */
public record RddStorageData(int id, String name, int numPartitions, int numCachedPartitions, String storageLevel,
                             long memoryUsed, long diskUsed, List<Partition> partitions) {
    /** One cached block ({@code rdd_<id>_<partition>}). */
    public record Partition(String blockName, String storageLevel, long memoryUsed, long diskUsed,
                            String executorId) {}
}
