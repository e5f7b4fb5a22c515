package io.ember.sql.execution;

/**
 * Base of operator buffers that hold execution memory and spill when the task cannot have
 * more: a subclass reports its estimated size to {@link #fits}, which asks the memory manager
 * for what is missing (with headroom), and spills when the answer is no. Not thread-safe.
 */
abstract class MemoryConsumer {
    protected final TaskMemory memory;
    private long granted;

    MemoryConsumer(TaskMemory memory) {
        this.memory = memory;
    }

    /** True if {@code currentSize} bytes are (now) granted; false means: spill. */
    protected final boolean fits(long currentSize) {
        if (currentSize <= granted) {
            return true;
        }
        long want = currentSize + currentSize / 2 - granted;
        granted += memory.acquire(want);
        return currentSize <= granted;
    }

    /** Gives back everything held (after a spill, or at the end). */
    protected final void releaseAll() {
        memory.release(granted);
        granted = 0;
    }

    protected final long granted() {
        return granted;
    }
}
