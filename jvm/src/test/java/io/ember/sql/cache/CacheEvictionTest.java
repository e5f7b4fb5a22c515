package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.plans.LogicalPlan;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Caches about twice as large as a 1.2 MB memory budget. */
class CacheEvictionTest extends CacheTesting {
    private static final int ROWS = 80_000;
    private static final int PARTITIONS = 4;
    private static final String PAD = "a-row-of-padding-text-";

    @BeforeAll
    static void setUp() {
        long heap = Runtime.getRuntime().maxMemory();
        double fraction = (1.2 * (1 << 20)) / (heap - Math.min(300L << 20, heap / 4));
        start("CacheEvictionTest", "ember.memory.fraction", String.valueOf(fraction));
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private final CacheManager cm = new CacheManager(ec, TestPlanner::plan);

    private static void assertAllRows(List<List<Object>> rows) {
        assertEquals(ROWS, rows.size());
        long sum = 0;
        for (List<Object> r : rows) {
            sum += (Long) r.get(2);
            assertEquals(PAD + r.get(2), r.get(1));
        }
        assertEquals((long) ROWS * (ROWS - 1) / 2, sum);
    }

    @Test
    void memoryOnlyPartitionsThatDoNotFitAreRecomputedFromTheSource() {
        LogicalPlan src = source(ROWS, 4096, PARTITIONS, PAD);
        cm.cacheQuery(src, "big", StorageLevel.MEMORY_ONLY);
        assertAllRows(collect(cm, src));
        assertEquals(PARTITIONS, (long) reads.value());
        assertAllRows(collect(cm, src));
        assertTrue(reads.value() > PARTITIONS, "evicted partitions are read from the source again: " + reads.value());
        cm.clearCache();
    }

    @Test
    void memoryAndDiskSpillsToDiskAndNeverRecomputes() {
        LogicalPlan src = source(ROWS, 4096, PARTITIONS, PAD);
        cm.cacheQuery(src, "spilled", StorageLevel.MEMORY_AND_DISK);
        assertAllRows(collect(cm, src));
        int rddId = cm.lookupCachedData(src).orElseThrow().builder().rddId();
        int onDisk = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            BlockId id = new BlockId.RddBlock(rddId, p);
            assertTrue(ec.blockManager().contains(id), "partition " + p + " is stored");
            onDisk += ec.diskBlockManager().file(id).exists() ? 1 : 0;
        }
        assertTrue(onDisk > 0, "some partitions went to disk");
        assertAllRows(collect(cm, src));
        assertEquals(PARTITIONS, (long) reads.value(), "every partition came from memory or disk");
        cm.clearCache();
    }
}
