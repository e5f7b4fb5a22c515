package io.ember.storage;

/**
 * Told where an RDD block is stored after every change (cached, moved to disk, dropped): the
 * driver turns this into listener events for the UI's storage page. Called on task threads
 * and from eviction, sometimes under the memory manager's lock: implementations only record
 * or post, never call back into the block manager.
 */
@FunctionalInterface
public interface BlockStatusListener {
    /** {@code level} is {@link StorageLevel#NONE} with both sizes 0 once the block is gone. */
    void blockUpdated(String executorId, BlockId.RddBlock block, StorageLevel level, long memorySize, long diskSize);
}
