package io.ember.shuffle;

import io.ember.serializer.KryoSerializer;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;

/**
 * What shuffle writers, readers and spillable buffers of one task share: the serializer, the
 * local dirs, the memory manager, and the task's id for memory accounting. Spill thresholds
 * come from the conf ({@code ember.shuffle.*}). {@code executorId} and {@code transport} say
 * which map outputs are local files and how to fetch the others.
 */
public record ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                         MapOutputSource mapOutputs, long taskAttemptId, long forceSpillElements,
                         int fileBufferSize, String executorId, ShuffleTransport transport) {

    /** A local-mode environment: every map output is a local file. */
    public ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                      MapOutputSource mapOutputs, long taskAttemptId, long forceSpillElements, int fileBufferSize) {
        this(serializer, dirs, memory, mapOutputs, taskAttemptId, forceSpillElements, fileBufferSize, "driver",
                ShuffleTransport.LOCAL);
    }
}
