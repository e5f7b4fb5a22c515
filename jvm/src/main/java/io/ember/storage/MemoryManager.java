package io.ember.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * One unified memory budget shared by execution (shuffle and sort buffers) and storage
 * (cached blocks). Execution may evict cached blocks down to the protected storage region;
 * storage never takes memory execution holds. Each running task may hold at most
 * budget / active tasks of execution memory, so concurrent tasks share fairly.
 * Thread-safe: all methods synchronize on this manager, and the memory store uses the same
 * lock, so eviction (which runs under it) cannot deadlock with a store.
 */
public final class MemoryManager {
    /** Frees storage memory by evicting blocks; returns the bytes freed. */
    public interface Evictor {
        long evict(long bytes);
    }

    private final long maxMemory;
    private final long protectedStorage;
    private final Map<Long, Long> executionByTask = new HashMap<>();
    /** The most execution memory each running task has held at once; removed with the task. */
    private final Map<Long, Long> peakByTask = new HashMap<>();
    private long executionUsed;
    private long storageUsed;
    private Evictor evictor = bytes -> 0;

    public MemoryManager(long maxMemory, double storageFraction) {
        this.maxMemory = maxMemory;
        this.protectedStorage = (long) (maxMemory * storageFraction);
    }

    public synchronized void setEvictor(Evictor evictor) {
        this.evictor = evictor;
    }

    public long maxMemory() {
        return maxMemory;
    }

    /** Grants up to {@code bytes} of execution memory to a task; may grant less (then spill). */
    public synchronized long acquireExecution(long taskId, long bytes) {
        executionByTask.putIfAbsent(taskId, 0L);
        int active = executionByTask.size();
        long held = executionByTask.get(taskId);
        long cap = Math.max(0, maxMemory / active - held);
        long want = Math.min(bytes, cap);
        long free = maxMemory - executionUsed - storageUsed;
        if (free < want && storageUsed > protectedStorage) {
            evictor.evict(Math.min(want - free, storageUsed - protectedStorage));
            free = maxMemory - executionUsed - storageUsed;
        }
        long granted = Math.max(0, Math.min(want, free));
        executionUsed += granted;
        executionByTask.put(taskId, held + granted);
        peakByTask.merge(taskId, held + granted, Math::max);
        return granted;
    }

    public synchronized void releaseExecution(long taskId, long bytes) {
        Long held = executionByTask.get(taskId);
        if (held == null) {
            return;
        }
        long released = Math.min(bytes, held);
        executionUsed -= released;
        executionByTask.put(taskId, held - released);
    }

    /** Releases everything a finished task still holds. */
    public synchronized void releaseAllExecution(long taskId) {
        Long held = executionByTask.remove(taskId);
        peakByTask.remove(taskId);
        if (held != null) {
            executionUsed -= held;
        }
    }

    /** The most execution memory {@code taskId} has held at once so far (0 for an unknown task). */
    public synchronized long peakExecution(long taskId) {
        return peakByTask.getOrDefault(taskId, 0L);
    }

    /** Reserves storage memory for a block, evicting other blocks if needed; false if it cannot. */
    public synchronized boolean acquireStorage(long bytes) {
        long free = maxMemory - executionUsed - storageUsed;
        if (free < bytes) {
            evictor.evict(bytes - free);
            free = maxMemory - executionUsed - storageUsed;
        }
        if (free < bytes) {
            return false;
        }
        storageUsed += bytes;
        return true;
    }

    public synchronized void releaseStorage(long bytes) {
        storageUsed = Math.max(0, storageUsed - bytes);
    }

    public synchronized long executionUsed() {
        return executionUsed;
    }

    public synchronized long storageUsed() {
        return storageUsed;
    }
}
