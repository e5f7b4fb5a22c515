package io.ember.sql.execution;

import io.ember.rdd.TaskContext;
import io.ember.storage.DiskBlockManager;
import io.ember.storage.MemoryManager;
import java.io.File;

/**
 * One task's access to execution memory and spill space: acquisitions are accounted under the
 * executor's unified {@link MemoryManager} against the task's attempt id (released in full when
 * the task ends), spill files live in the executor's local dirs. One per task; not
 * thread-safe beyond what the memory manager guarantees.
 */
public final class TaskMemory {
    private final MemoryManager manager;
    private final long taskId;
    private final DiskBlockManager dirs;
    private int spills;
    private long held;
    private long peak;
    private long spilledBytes;

    public TaskMemory(MemoryManager manager, long taskId, DiskBlockManager dirs) {
        this.manager = manager;
        this.taskId = taskId;
        this.dirs = dirs;
    }

    /** The running task's memory (from its executor's services). */
    public static TaskMemory of(TaskContext ctx) {
        return new TaskMemory(ctx.env().memory(), ctx.taskAttemptId(), ctx.env().blockManager().diskBlockManager());
    }

    /** Grants up to {@code bytes}; fewer (even 0) when the budget is short: then spill. */
    public long acquire(long bytes) {
        long granted = manager.acquireExecution(taskId, bytes);
        held += granted;
        peak = Math.max(peak, held);
        return granted;
    }

    public void release(long bytes) {
        if (bytes > 0) {
            manager.releaseExecution(taskId, bytes);
            held = Math.max(0, held - bytes);
        }
    }

    /** The most execution memory held at once through this object (an operator's peak memory). */
    public long peakBytes() {
        return peak;
    }

    /** Bytes written to spill files created through this object. */
    public long spilledBytes() {
        return spilledBytes;
    }

    void addSpilledBytes(long bytes) {
        spilledBytes += bytes;
    }

    /** Adds this operator's peak memory and spill size to its SQL metrics. */
    public void reportTo(io.ember.sql.execution.metric.SqlMetric peakMemory,
                         io.ember.sql.execution.metric.SqlMetric spillSize) {
        peakMemory.add(peak);
        spillSize.add(spilledBytes);
    }

    /** A new file for spilled data; the caller deletes it when done. */
    public File newSpillFile() {
        spills++;
        return dirs.file(dirs.newSpillBlock());
    }

    /** Spill files this task's operators created through this object. */
    public int spillCount() {
        return spills;
    }
}
