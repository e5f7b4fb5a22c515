package io.ember.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.serializer.KryoSerializer;
import io.ember.util.SizeEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eviction from the memory store: LRU order, where evicted blocks go, and the storage region execution cannot take. */
class MemoryStoreTest {
    private static final int N = 100;

    @TempDir
    Path tmp;

    private DiskBlockManager dirs;

    @AfterEach
    void stopDirs() {
        if (dirs != null) {
            dirs.stop();
        }
    }

    private static BlockId block(int i) {
        return new BlockId.RddBlock(7, i);
    }

    private static List<Object> values(int partition) {
        List<Object> l = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            l.add(partition * 1000 + i + 1000);
        }
        return l;
    }

    /** The bytes the store charges for one partition's values, as it measures them. */
    private static long blockSize() {
        return SizeEstimator.estimateSampled(values(0));
    }

    private BlockManager blockManager(MemoryManager memory) {
        dirs = new DiskBlockManager(List.of(tmp.toString()));
        return new BlockManager("driver", memory, dirs, new KryoSerializer());
    }

    private static Supplier<Iterator<Object>> counting(int partition, AtomicInteger computed) {
        return () -> {
            computed.incrementAndGet();
            return values(partition).iterator();
        };
    }

    private static List<Object> drain(Iterator<Object> it) {
        List<Object> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void evictsLeastRecentlyUsedFirstAndKeepsBroadcasts() {
        MemoryManager memory = new MemoryManager(300, 0.0);
        List<BlockId> evicted = new ArrayList<>();
        MemoryStore store = new MemoryStore(memory, (id, e) -> evicted.add(id));
        BlockId broadcast = new BlockId.Broadcast(1);
        assertTrue(store.putBytes(broadcast, new byte[50], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.putBytes(block(0), new byte[80], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.putBytes(block(1), new byte[80], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.putBytes(block(2), new byte[80], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.get(block(0)).isPresent(), "reading block 0 makes block 1 the least recently used");

        assertTrue(store.putBytes(block(3), new byte[80], StorageLevel.MEMORY_ONLY_SER));
        assertEquals(List.of(block(1)), evicted);
        assertTrue(store.putBytes(block(4), new byte[150], StorageLevel.MEMORY_ONLY_SER));
        assertEquals(List.of(block(1), block(2), block(0)), evicted);
        assertEquals(List.of(broadcast, block(3), block(4)), store.ids());
        assertEquals(280, memory.storageUsed());
    }

    @Test
    void aBlockThatCanNeverFitEvictsNothing() {
        MemoryManager memory = new MemoryManager(300, 0.0);
        List<BlockId> evicted = new ArrayList<>();
        MemoryStore store = new MemoryStore(memory, (id, e) -> evicted.add(id));
        assertTrue(store.putBytes(block(0), new byte[100], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.putBytes(block(1), new byte[100], StorageLevel.MEMORY_ONLY_SER));
        assertFalse(store.putBytes(block(2), new byte[301], StorageLevel.MEMORY_ONLY_SER));
        assertEquals(List.of(), evicted, "dropping the cache cannot make room for a block larger than memory");
        assertEquals(List.of(block(0), block(1)), store.ids());

        memory = new MemoryManager(300, 0.0);
        store = new MemoryStore(memory, (id, e) -> evicted.add(id));
        assertEquals(150, memory.acquireExecution(1, 150));
        assertTrue(store.putBytes(block(0), new byte[100], StorageLevel.MEMORY_ONLY_SER));
        assertTrue(store.putBytes(block(1), new byte[50], StorageLevel.MEMORY_ONLY_SER));
        assertFalse(store.putBytes(block(2), new byte[200], StorageLevel.MEMORY_ONLY_SER));
        assertEquals(List.of(), evicted, "storage cannot take the memory execution holds");
        assertEquals(List.of(block(0), block(1)), store.ids());
    }

    @Test
    void memoryAndDiskBlockEvictedFromMemoryIsReadFromDisk() {
        long size = blockSize();
        BlockManager bm = blockManager(new MemoryManager(size * 5 / 2, 0.0));
        AtomicInteger computed0 = new AtomicInteger();
        assertEquals(values(0), drain(bm.getOrCompute(block(0), StorageLevel.MEMORY_AND_DISK, counting(0, computed0))));
        assertFalse(bm.diskBlockManager().file(block(0)).exists(), "a block that fits stays in memory only");
        bm.getOrCompute(block(1), StorageLevel.MEMORY_AND_DISK, counting(1, new AtomicInteger())).forEachRemaining(v -> { });
        bm.getOrCompute(block(2), StorageLevel.MEMORY_AND_DISK, counting(2, new AtomicInteger())).forEachRemaining(v -> { });

        assertTrue(bm.diskBlockManager().file(block(0)).exists(), "the evicted block moved to disk");
        assertFalse(bm.diskBlockManager().file(block(1)).exists(), "the block still in memory was not written");
        assertEquals(values(0), drain(bm.getOrCompute(block(0), StorageLevel.MEMORY_AND_DISK, counting(0, computed0))));
        assertEquals(1, computed0.get(), "read back from disk, not recomputed");
        assertTrue(bm.contains(block(0)));
    }

    @Test
    void memoryOnlyBlockEvictedIsRecomputed() {
        long size = blockSize();
        BlockManager bm = blockManager(new MemoryManager(size * 5 / 2, 0.0));
        AtomicInteger computed0 = new AtomicInteger();
        bm.getOrCompute(block(0), StorageLevel.MEMORY_ONLY, counting(0, computed0)).forEachRemaining(v -> { });
        bm.getOrCompute(block(1), StorageLevel.MEMORY_ONLY, counting(1, new AtomicInteger())).forEachRemaining(v -> { });
        assertTrue(bm.contains(block(0)));
        bm.getOrCompute(block(2), StorageLevel.MEMORY_ONLY, counting(2, new AtomicInteger())).forEachRemaining(v -> { });

        assertFalse(bm.contains(block(0)), "the least recently used block was dropped");
        assertFalse(bm.diskBlockManager().file(block(0)).exists(), "MEMORY_ONLY never goes to disk");
        assertEquals(values(0), drain(bm.getOrCompute(block(0), StorageLevel.MEMORY_ONLY, counting(0, computed0))));
        assertEquals(2, computed0.get(), "recomputed");
        assertTrue(bm.contains(block(2)));
    }

    @Test
    void executionEvictsCachedBlocksOnlyDownToTheProtectedStorageRegion() {
        MemoryManager memory = new MemoryManager(1000, 0.5);
        List<BlockId> evicted = new ArrayList<>();
        MemoryStore store = new MemoryStore(memory, (id, e) -> evicted.add(id));
        for (int i = 0; i < 3; i++) {
            assertTrue(store.putBytes(block(i), new byte[200], StorageLevel.MEMORY_ONLY_SER));
        }
        assertEquals(600, memory.acquireExecution(1, 1000), "400 free plus one evicted 200-byte block");
        assertEquals(List.of(block(0)), evicted);
        assertEquals(400, memory.storageUsed());
        assertEquals(0, memory.acquireExecution(1, 1000), "the remaining 400 bytes are under the protected 500");
        assertEquals(List.of(block(0)), evicted);
        assertEquals(List.of(block(1), block(2)), store.ids());

        memory.releaseAllExecution(1);
        assertTrue(store.putBytes(block(3), new byte[500], StorageLevel.MEMORY_ONLY_SER), "released execution memory is free again");
        assertEquals(List.of(block(0)), evicted);
    }
}
