package io.ember.shuffle;

import io.ember.core.TaskMetrics;
import io.ember.serializer.KryoSerializer;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;

/**
 * What shuffle writers, readers and spillable buffers of one task share: the serializer, the
 * local dirs, the memory manager, and the task's id for memory accounting. Spill thresholds
 * come from the conf ({@code ember.shuffle.*}). {@code executorId} and {@code transport} say
 * which map outputs are local files and how to fetch the others. {@code metrics} are the task's
 * counters, to which writers, readers and spills add what they did.
 */
public record ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                         MapOutputSource mapOutputs, long taskAttemptId, long forceSpillElements,
                         int fileBufferSize, String executorId, ShuffleTransport transport, TaskMetrics metrics) {

    /** An environment whose counters nobody reads (tests, helpers outside tasks). */
    public ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                      MapOutputSource mapOutputs, long taskAttemptId, long forceSpillElements,
                      int fileBufferSize, String executorId, ShuffleTransport transport) {
        this(serializer, dirs, memory, mapOutputs, taskAttemptId, forceSpillElements, fileBufferSize, executorId,
                transport, new TaskMetrics());
    }

    /** A local-mode environment: every map output is a local file. */
    public ShuffleEnv(KryoSerializer serializer, DiskBlockManager dirs, MemoryManager memory,
                      MapOutputSource mapOutputs, long taskAttemptId, long forceSpillElements, int fileBufferSize) {
        this(serializer, dirs, memory, mapOutputs, taskAttemptId, forceSpillElements, fileBufferSize, "driver",
                ShuffleTransport.LOCAL);
    }
}
