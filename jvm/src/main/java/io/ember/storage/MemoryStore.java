package io.ember.storage;

import io.ember.util.SizeEstimator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Blocks held in memory, either as deserialized values or serialized bytes, evicted in LRU
 * order when the memory manager needs room. Shares the memory manager's lock (see there).
 */
final class MemoryStore {
    /** A block in memory: exactly one of values or bytes is set. */
    record Entry(List<Object> values, byte[] bytes, long size, StorageLevel level) {}

    private final MemoryManager memory;
    private final LinkedHashMap<BlockId, Entry> entries = new LinkedHashMap<>(32, 0.75f, true);
    /** Called with each evicted block so it can move to disk if its level allows. */
    private final BiConsumer<BlockId, Entry> onEvict;

    MemoryStore(MemoryManager memory, BiConsumer<BlockId, Entry> onEvict) {
        this.memory = memory;
        this.onEvict = onEvict;
        memory.setEvictor(this::evict);
    }

    /**
     * Unrolls values into memory while memory can be reserved. Returns the entry if all values
     * fit; otherwise empty. Either way {@code unrolled} holds the values read so far.
     */
    Optional<Entry> putValues(BlockId id, Iterator<?> values, StorageLevel level, List<Object> unrolled) {
        long reserved = 0;
        long checkAt = 16;
        int count = 0;
        while (values.hasNext()) {
            unrolled.add(values.next());
            if (++count >= checkAt) {
                long size = SizeEstimator.estimateSampled(unrolled);
                if (size > reserved) {
                    if (!memory.acquireStorage(size - reserved)) {
                        memory.releaseStorage(reserved);
                        return Optional.empty();
                    }
                    reserved = size;
                }
                checkAt = (long) (checkAt * 1.5) + 1;
            }
        }
        long size = SizeEstimator.estimateSampled(unrolled);
        if (size > reserved && !memory.acquireStorage(size - reserved)) {
            memory.releaseStorage(reserved);
            return Optional.empty();
        }
        if (reserved > size) {
            memory.releaseStorage(reserved - size);
        }
        Entry e = new Entry(new ArrayList<>(unrolled), null, size, level);
        synchronized (memory) {
            Entry old = entries.put(id, e);
            if (old != null) {
                memory.releaseStorage(old.size());
            }
        }
        return Optional.of(e);
    }

    boolean putBytes(BlockId id, byte[] bytes, StorageLevel level) {
        synchronized (memory) {
            if (!memory.acquireStorage(bytes.length)) {
                return false;
            }
            Entry old = entries.put(id, new Entry(null, bytes, bytes.length, level));
            if (old != null) {
                memory.releaseStorage(old.size());
            }
            return true;
        }
    }

    Optional<Entry> get(BlockId id) {
        synchronized (memory) {
            return Optional.ofNullable(entries.get(id));
        }
    }

    boolean contains(BlockId id) {
        synchronized (memory) {
            return entries.containsKey(id);
        }
    }

    boolean remove(BlockId id) {
        synchronized (memory) {
            Entry e = entries.remove(id);
            if (e != null) {
                memory.releaseStorage(e.size());
            }
            return e != null;
        }
    }

    List<BlockId> ids() {
        synchronized (memory) {
            return new ArrayList<>(entries.keySet());
        }
    }

    /**
     * Evicts least recently used blocks until {@code bytes} are freed; runs under the lock.
     * Evicts nothing when even dropping every evictable block would not free enough, so a
     * request that must fail anyway does not empty the cache.
     */
    private long evict(long bytes) {
        long freed = 0;
        List<Map.Entry<BlockId, Entry>> dropped = new ArrayList<>();
        for (Map.Entry<BlockId, Entry> e : entries.entrySet()) {
            if (freed >= bytes) {
                break;
            }
            if (!(e.getKey() instanceof BlockId.Broadcast)) {
                dropped.add(e);
                freed += e.getValue().size();
            }
        }
        if (freed < bytes) {
            return 0;
        }
        for (Map.Entry<BlockId, Entry> e : dropped) {
            entries.remove(e.getKey());
            memory.releaseStorage(e.getValue().size());
        }
        for (Map.Entry<BlockId, Entry> e : dropped) {
            onEvict.accept(e.getKey(), e.getValue());
        }
        return freed;
    }
}
