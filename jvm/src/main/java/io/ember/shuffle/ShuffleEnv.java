package io.ember.shuffle;

import io.ember.serializer.KryoSerializer;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;

/**
 * What shuffle writers, readers and spillable buffers of one task share: the serializer, the
 * local dirs, the memory manager, and the task's id for memory accounting. Spill thresholds
 * come from the conf ({@code ember.shuffle.*}).
 */
public record ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                         MapOutputTracker mapOutputs, long taskAttemptId, long forceSpillElements,
                         int fileBufferSize) {}
