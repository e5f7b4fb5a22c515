package io.ember.api;

import io.ember.core.EmberException;
import io.ember.storage.BlockId;
import io.ember.storage.BlockManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The driver's copies of broadcast values, and the source executors fetch them from. */
final class BroadcastManager {
    private static final Object DESTROYED = new Object();

    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, Object> values = new ConcurrentHashMap<>();
    private final BlockManager executorBlocks;
    private volatile java.util.function.LongConsumer remoteRemoval = id -> {};

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

    /** Also drop removed values from remote executors (cluster mode). */
    void onRemove(java.util.function.LongConsumer removal) {
        this.remoteRemoval = removal;
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

    void unpersist(long id) {
        executorBlocks.remove(new BlockId.Broadcast(id));
        remoteRemoval.accept(id);
    }

    void destroy(long id) {
        values.put(id, DESTROYED);
        executorBlocks.remove(new BlockId.Broadcast(id));
        remoteRemoval.accept(id);
    }
}
