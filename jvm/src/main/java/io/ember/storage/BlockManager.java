package io.ember.storage;

import io.ember.serializer.KryoSerializer;
import io.ember.serializer.ObjectReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An executor's store of blocks: cached RDD partitions and broadcast values, in memory and on
 * disk per their {@link StorageLevel}. Blocks evicted from memory move to disk when the level
 * allows and are otherwise dropped (the RDD recomputes them from lineage). Thread-safe.
 */
public final class BlockManager {
    private static final Logger LOG = LoggerFactory.getLogger(BlockManager.class);

    private final String executorId;
    private final KryoSerializer serializer;
    private final DiskBlockManager dirs;
    private final MemoryStore memoryStore;
    private final DiskStore diskStore;
    private final Set<BlockId> onDisk = ConcurrentHashMap.newKeySet();
    private final Set<Integer> warnedReplication = ConcurrentHashMap.newKeySet();
    private volatile RemoteBlocks remote = id -> Optional.empty();
    private volatile Replicas replicas;
    private volatile BlockStatusListener statusListener;

    /** Where a block missing here may be found: other executors holding a cached RDD partition. */
    public interface RemoteBlocks {
        /** The block's serialized values ({@link #serializedValues}) from another executor, or empty. */
        Optional<byte[]> fetch(BlockId id);
    }

    public BlockManager(String executorId, MemoryManager memory, DiskBlockManager dirs, KryoSerializer serializer) {
        this.executorId = executorId;
        this.serializer = serializer;
        this.dirs = dirs;
        this.diskStore = new DiskStore(dirs, serializer);
        this.memoryStore = new MemoryStore(memory, this::moveToDisk);
    }

    public String executorId() {
        return executorId;
    }

    public DiskBlockManager diskBlockManager() {
        return dirs;
    }

    public KryoSerializer serializer() {
        return serializer;
    }

    /** Where copies of blocks stored with a replicated level go: other executors, which pull them. */
    public interface Replicas {
        void replicate(BlockId id, StorageLevel level, int copies);
    }

    public void setRemoteBlocks(RemoteBlocks remote) {
        this.remote = remote;
    }

    public void setReplicas(Replicas replicas) {
        this.replicas = replicas;
    }

    /** Where RDD block changes are reported (the driver's listener bus), or null for nowhere. */
    public void setStatusListener(BlockStatusListener listener) {
        this.statusListener = listener;
    }

    private void report(BlockId id, StorageLevel level, boolean inMemory) {
        BlockStatusListener l = statusListener;
        if (l == null || !(id instanceof BlockId.RddBlock rdd)) {
            return;
        }
        long memorySize = inMemory ? memoryStore.get(id).map(MemoryStore.Entry::size).orElse(0L) : 0;
        long diskSize = onDisk.contains(id) ? dirs.file(id).length() : 0;
        l.blockUpdated(executorId, rdd, memorySize + diskSize == 0 ? StorageLevel.NONE : level, memorySize, diskSize);
    }

    /**
     * The cached values of a block: from here, else read from another executor that holds it
     * (not stored here), else computed and stored.
     */
    public <T> Iterator<T> getOrCompute(BlockId id, StorageLevel level, Supplier<Iterator<T>> compute) {
        Optional<Iterator<T>> cached = get(id);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<byte[]> fetched = remote.fetch(id);
        if (fetched.isPresent()) {
            List<Object> values = serializer.fromBytes(fetched.get());
            return typed(values.iterator());
        }
        Iterator<T> values = computeAndStore(id, level, compute);
        report(id, level, true);
        if (level.replication() > 1 && contains(id)) {
            replicate(id, level);
        }
        return values;
    }

    /** Copies a block just stored here to replication - 1 other executors (none in local mode). */
    private void replicate(BlockId id, StorageLevel level) {
        int copies = level.replication() - 1;
        if (replicas == null) {
            if (id instanceof BlockId.RddBlock r && warnedReplication.add(r.rddId())) {
                LOG.warn("RDD {} asks for {} replicas, but local mode has one executor; keeping one copy", r.rddId(),
                        level.replication());
            }
            return;
        }
        replicas.replicate(id, level, copies);
    }

    /**
     * Stores a copy of a block another executor computed ({@code bytes} as from
     * {@link #serializedValues}), at {@code level} without further replication.
     */
    public void putReplica(BlockId id, byte[] bytes, StorageLevel level) {
        StorageLevel single = new StorageLevel(level.useDisk(), level.useMemory(), level.deserialized(), 1);
        remove(id);
        List<Object> values = serializer.fromBytes(bytes);
        computeAndStore(id, single, values::iterator).forEachRemaining(v -> { });
        report(id, single, true);
    }

    private <T> Iterator<T> computeAndStore(BlockId id, StorageLevel level, Supplier<Iterator<T>> compute) {
        Iterator<T> values = compute.get();
        if (level.useMemory()) {
            List<Object> unrolled = new ArrayList<>();
            if (level.deserialized()) {
                if (memoryStore.putValues(id, values, level, unrolled).isPresent()) {
                    return typed(unrolled.iterator());
                }
            } else {
                values.forEachRemaining(unrolled::add);
                if (memoryStore.putBytes(id, serializer.toBytes(unrolled), level)) {
                    return typed(unrolled.iterator());
                }
            }
            Iterator<T> all = concat(typed(unrolled.iterator()), values);
            if (!level.useDisk()) {
                LOG.warn("Not enough memory to cache {}; it will be recomputed when needed", id.name());
                return all;
            }
            values = all;
        }
        if (level.useDisk()) {
            diskStore.putValues(id, values);
            onDisk.add(id);
            Optional<Iterator<T>> back = get(id);
            if (back.isPresent()) {
                return back.get();
            }
            throw new IllegalStateException("Block " + id.name() + " vanished right after it was written");
        }
        return values;
    }

    /** The block's values from memory or disk; empty when it is not (or no longer) stored. */
    public <T> Optional<Iterator<T>> get(BlockId id) {
        Optional<MemoryStore.Entry> mem = memoryStore.get(id);
        if (mem.isPresent()) {
            MemoryStore.Entry e = mem.get();
            if (e.values() != null) {
                return Optional.of(typed(e.values().iterator()));
            }
            List<Object> values = serializer.fromBytes(e.bytes());
            return Optional.of(typed(values.iterator()));
        }
        if (onDisk.contains(id)) {
            Optional<ObjectReader<T>> r = diskStore.getValues(id);
            if (r.isEmpty()) {
                onDisk.remove(id);
                LOG.warn("Block {} was lost from disk; it will be recomputed", id.name());
            }
            return r.map(reader -> reader);
        }
        return Optional.empty();
    }

    /** The block's values serialized as one list, for another executor; empty when it is not stored here. */
    public Optional<byte[]> serializedValues(BlockId id) {
        Optional<MemoryStore.Entry> mem = memoryStore.get(id);
        if (mem.isPresent() && mem.get().values() == null) {
            return Optional.of(mem.get().bytes());
        }
        Optional<Iterator<Object>> values = get(id);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Object> all = new ArrayList<>();
        values.get().forEachRemaining(all::add);
        return Optional.of(serializer.toBytes(all));
    }

    /** Stores one value (e.g. a broadcast), in memory when it fits, else on disk. */
    public void putSingle(BlockId id, Object value) {
        List<Object> unrolled = new ArrayList<>();
        if (memoryStore.putValues(id, List.of(value).iterator(), StorageLevel.MEMORY_AND_DISK, unrolled).isEmpty()) {
            diskStore.putValues(id, List.of(value).iterator());
            onDisk.add(id);
        }
    }

    public <T> Optional<T> getSingle(BlockId id) {
        Optional<Iterator<T>> it = get(id);
        return it.filter(Iterator::hasNext).map(Iterator::next);
    }

    public boolean contains(BlockId id) {
        return memoryStore.contains(id) || (onDisk.contains(id) && diskStore.contains(id));
    }

    public void remove(BlockId id) {
        boolean held = memoryStore.remove(id);
        if (onDisk.remove(id)) {
            diskStore.remove(id);
            held = true;
        }
        if (held) {
            report(id, StorageLevel.NONE, false);
        }
    }

    public void removeRdd(int rddId) {
        for (BlockId id : allIds()) {
            if (id instanceof BlockId.RddBlock r && r.rddId() == rddId) {
                remove(id);
            }
        }
    }

    public List<BlockId> allIds() {
        List<BlockId> ids = new ArrayList<>(memoryStore.ids());
        for (BlockId id : onDisk) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Test hook and fault path: forgets a block held in memory (disk copies stay). */
    public boolean dropFromMemory(BlockId id) {
        return memoryStore.remove(id);
    }

    private void moveToDisk(BlockId id, MemoryStore.Entry e) {
        if (!e.level().useDisk() || onDisk.contains(id)) {
            report(id, e.level(), false);
            return;
        }
        if (e.values() != null) {
            diskStore.putValues(id, e.values().iterator());
        } else {
            List<Object> values = serializer.fromBytes(e.bytes());
            diskStore.putValues(id, values.iterator());
        }
        onDisk.add(id);
        report(id, e.level(), false);
    }

    @SuppressWarnings("unchecked")
    private static <T> Iterator<T> typed(Iterator<?> it) {
        return (Iterator<T>) it;
    }

    private static <T> Iterator<T> concat(Iterator<T> a, Iterator<T> b) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return a.hasNext() || b.hasNext();
            }

            @Override
            public T next() {
                return a.hasNext() ? a.next() : b.next();
            }
        };
    }
}
