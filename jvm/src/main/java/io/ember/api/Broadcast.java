package io.ember.api;

import io.ember.core.EmberException;
import io.ember.rdd.TaskContext;
import io.ember.storage.BlockId;
import io.ember.storage.BlockManager;
import java.io.Serializable;
import java.util.Optional;

/**
 * A read-only value shipped to each executor once and kept in its block manager. Closures
 * carry only the id; {@link #value()} inside a task reads the executor's copy, fetching it from
 * the driver the first time.
 */
public final class Broadcast<T> implements Serializable {
    private final long id;
    private transient T driverValue;
    private transient BroadcastManager manager;

    Broadcast(long id, T value, BroadcastManager manager) {
        this.id = id;
        this.driverValue = value;
        this.manager = manager;
    }

    public long id() {
        return id;
    }

    @SuppressWarnings("unchecked")
    public T value() {
        if (manager != null) {
            return (T) manager.driverValue(id);
        }
        if (driverValue != null) {
            return driverValue;
        }
        TaskContext ctx = TaskContext.get();
        if (ctx == null) {
            throw new EmberException("Broadcast " + id + " can only be read on the driver or inside a task");
        }
        BlockManager bm = ctx.env().blockManager();
        BlockId.Broadcast block = new BlockId.Broadcast(id);
        Optional<Object> local = bm.getSingle(block);
        T v;
        if (local.isPresent()) {
            v = (T) local.get();
        } else {
            v = (T) ctx.env().broadcasts().fetch(id);
            bm.putSingle(block, v);
        }
        driverValue = v;
        return v;
    }

    /** Drops executor copies; they are sent again if a later task reads the value. */
    public void unpersist() {
        driverManager().unpersist(id);
    }

    /** Removes the value everywhere; using it afterwards is an error. */
    public void destroy() {
        driverManager().destroy(id);
        driverValue = null;
    }

    private BroadcastManager driverManager() {
        if (manager == null) {
            throw new EmberException("Broadcast " + id + " can only be unpersisted or destroyed on the driver");
        }
        return manager;
    }

    @Override
    public String toString() {
        return "Broadcast(" + id + ")";
    }
}
