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
        return manager.acquireExecution(taskId, bytes);
    }

    public void release(long bytes) {
        if (bytes > 0) {
            manager.releaseExecution(taskId, bytes);
        }
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
