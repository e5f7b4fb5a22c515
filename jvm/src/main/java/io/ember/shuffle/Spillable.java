package io.ember.shuffle;

import io.ember.core.TaskMetric;

/**
 * Base of in-memory buffers that spill to disk when they outgrow the execution memory the
 * memory manager grants their task. Subclasses report their estimated size and implement
 * {@link #spill}; they call {@link #maybeSpill} after inserts. Not thread-safe.
 */
public abstract class Spillable {
    protected final ShuffleEnv env;
    private long granted;
    private long elementsSinceSpill;
    private int spillCount;
    private long spilledBytes;

    Spillable(ShuffleEnv env) {
        this.env = env;
    }

    /** Writes the buffered data to disk and empties the buffer; returns the bytes written. */
    protected abstract long spill();

    /** Spills when the buffer outgrows its grant and no more memory can be had. */
    protected final void maybeSpill(long currentSize) {
        elementsSinceSpill++;
        boolean force = env.forceSpillElements() > 0 && elementsSinceSpill >= env.forceSpillElements();
        if (!force && currentSize < granted) {
            return;
        }
        if (!force) {
            long want = Math.max(currentSize * 2 - granted, 1 << 20);
            granted += env.memory().acquireExecution(env.taskAttemptId(), want);
            if (currentSize < granted) {
                return;
            }
        }
        long written = spill();
        spilledBytes += written;
        env.metrics().add(TaskMetric.MEMORY_BYTES_SPILLED, currentSize);
        env.metrics().add(TaskMetric.DISK_BYTES_SPILLED, written);
        spillCount++;
        elementsSinceSpill = 0;
        releaseMemory();
    }

    protected final void releaseMemory() {
        env.memory().releaseExecution(env.taskAttemptId(), granted);
        granted = 0;
    }

    public final int spillCount() {
        return spillCount;
    }

    public final long spilledBytes() {
        return spilledBytes;
    }
}
