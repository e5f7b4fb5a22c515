package io.ember.api;

import io.ember.core.EmberException;
import io.ember.storage.BlockId;
import io.ember.storage.BlockManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The driver's copies of broadcast values, and the source executors fetch them from. Values
 * leave when destroyed (a marker stays so that using them reports why) and entirely when the
 * context's cleaner finds the broadcast unreferenced. Thread-safe.
 */
final class BroadcastManager {
    private static final Object DESTROYED = new Object();

    /** Told when a broadcast's executor copies go (unpersist) and when its value goes too (destroyed). */
    interface RemovalListener {
        void removed(long broadcastId, boolean destroyed);
    }

    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, Object> values = new ConcurrentHashMap<>();
    private final BlockManager executorBlocks;
    private final List<RemovalListener> listeners = new CopyOnWriteArrayList<>();

    BroadcastManager(BlockManager executorBlocks) {
        this.executorBlocks = executorBlocks;
    }

    <T> Broadcast<T> create(T value) {
        if (value == null) {
            throw new EmberException("Cannot broadcast null");
        }
        long id = nextId.incrementAndGet();
        values.put(id, value);
        return new Broadcast<>(id, value, this);
    }

    /** Also tell {@code listener} about removals (remote executors in cluster mode, Python broadcast files). */
    void addRemovalListener(RemovalListener listener) {
        listeners.add(listener);
    }

    Object driverValue(long id) {
        Object v = values.get(id);
        if (v == null || v == DESTROYED) {
            throw new EmberException("Attempted to use Broadcast " + id + " after it was destroyed");
        }
        return v;
    }

    /** Called by executors that miss a value. */
    Object fetch(long id) {
        return driverValue(id);
    }

    /** How many broadcasts the driver holds values (or destroyed markers) of. */
    int size() {
        return values.size();
    }

    void unpersist(long id) {
        dropCopies(id, false);
    }

    void destroy(long id) {
        values.replace(id, DESTROYED);
        dropCopies(id, true);
    }

    /** The broadcast is unreferenced: forgets it entirely (the cleaner's removal). */
    void remove(long id) {
        values.remove(id);
        dropCopies(id, true);
    }

    private void dropCopies(long id, boolean destroyed) {
        executorBlocks.remove(new BlockId.Broadcast(id));
        for (RemovalListener l : listeners) {
            l.removed(id, destroyed);
        }
    }
}
