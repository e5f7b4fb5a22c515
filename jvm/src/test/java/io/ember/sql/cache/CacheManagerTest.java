package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Statistics;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.types.DataTypes;
import io.ember.storage.BlockId;
import io.ember.storage.StorageLevel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheManagerTest extends CacheTesting {
    @BeforeAll
    static void setUp() {
        start("CacheManagerTest");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    private final CacheManager cm = new CacheManager(ec, TestPlanner::plan);

    private static Expression gt(Expression a, long b) {
        return new TestComparison("GreaterThan", a, new Literal(b, DataTypes.LongType));
    }

    private static boolean hasCacheScan(SparkPlan p) {
        return p.exists(n -> n instanceof InMemoryTableScanExec);
    }

    @Test
    void aLaterQueryOverTheCachedPlanReadsTheCacheNotTheSource() {
        LogicalPlan cached = new Filter(gt(v, -1), source(1000, 100, 2, ""));
        long before = cm.version();
        cm.cacheQuery(cached, "t", StorageLevel.MEMORY_AND_DISK);
        assertTrue(cm.version() > before);
        assertEquals(StorageLevel.MEMORY_AND_DISK, cm.storageLevel(cached));
        assertEquals(0L, reads.value(), "caching is lazy");

        LogicalPlan later = new Project(List.of(s, v), new Filter(gt(v, 989), cached));
        SparkPlan physical = TestPlanner.plan(cm.useCachedData(later));
        assertTrue(hasCacheScan(physical), physical.treeString());
        assertTrue(physical.treeString().contains("InMemoryTableScan [s" + s.exprId() + ", v" + v.exprId() + "], [GreaterThan"),
                physical.treeString());
        assertTrue(cm.useCachedData(later).treeString().contains("InMemoryRelation [k" + k.exprId() + ", s" + s.exprId()
                + ", v" + v.exprId() + "], StorageLevel(disk, memory, deserialized, 1 replicas)"),
                cm.useCachedData(later).treeString());
        List<List<Object>> rows = collect(physical);
        assertEquals(10, rows.size());
        assertEquals(List.of("s0", 990L), rows.get(0));
        assertEquals(2L, reads.value(), "one read per source partition, building the cache");

        assertEquals(1000, collect(cm, cached).size());
        assertEquals(10, collect(cm, later).size());
        assertEquals(2L, reads.value(), "later queries read the cache");
    }

    @Test
    void plansMatchWhateverIdsTheirAliasesGotAndKeepTheirOwnOutput() {
        TestingSource src = source(100, 50, 1, "");
        LogicalPlan cached = new Project(List.of(new Alias(v, "w")), src);
        cm.cacheQuery(cached, "w", StorageLevel.MEMORY_ONLY);
        Alias again = new Alias(v, "w");
        LogicalPlan reanalyzed = new SubqueryAlias("t", new Project(List.of(again), src));
        LogicalPlan used = cm.useCachedData(reanalyzed);
        assertTrue(used instanceof InMemoryRelation, used.treeString());
        assertEquals(reanalyzed.output(), used.output());
        assertFalse(cm.lookupCachedData(new Project(List.of(new Alias(v, "x")), src)).isPresent());
        assertFalse(cm.lookupCachedData(new Project(List.of(new Alias(k, "w")), src)).isPresent());
        cm.cacheQuery(new Project(List.of(again), src), "w again", StorageLevel.DISK_ONLY);
        assertEquals(StorageLevel.MEMORY_ONLY, cm.storageLevel(cached), "caching an equal plan again is a no-op");
    }

    @Test
    void aScanOfTheCacheDecodesOnlyTheColumnsItIsAskedFor() {
        TestingSource src = source(300, 100, 2, "");
        cm.cacheQuery(src, "src", StorageLevel.MEMORY_ONLY);
        InMemoryRelation rel = cm.lookupCachedData(src).orElseThrow();
        SparkPlan scan = rel.planScan(List.of(v, s), List.of());
        List<List<Object>> rows = collect(scan);
        assertEquals(300, rows.size());
        assertEquals(List.of(299L, "s2"), rows.get(299));
        List<List<Object>> counted = collect(rel.planScan(List.of(), List.of()));
        assertEquals(300, counted.size(), "no columns: only row counts");
        assertTrue(counted.get(0).isEmpty());
    }

    @Test
    void filtersSkipCachedBatchesByTheirStatistics() {
        TestingSource src = source(10_000, 1000, 2, "");
        cm.cacheQuery(src, "sorted", StorageLevel.MEMORY_ONLY);
        InMemoryRelation rel = cm.lookupCachedData(src).orElseThrow();
        assertEquals(10_000, collect(rel.planScan(List.of(v), List.of())).size());
        List<List<Object>> kept = collect(rel.planScan(List.of(v), List.of(gt(v, 8499))));
        assertEquals(2000, kept.size(), "only the batches holding 8000..9999 are decoded");
        assertEquals(8000L, kept.get(0).get(0));
        assertEquals(0, collect(rel.planScan(List.of(v), List.of(gt(v, 20_000)))).size());
        LogicalPlan query = new Filter(gt(v, 8499), src);
        assertEquals(1500, collect(cm, query).size(), "the filter still runs above the scan");
    }

    @Test
    void statisticsAreTheBuiltCachesRowsAndBytes() {
        TestingSource src = source(5000, 500, 2, "");
        cm.cacheQuery(src, "stats", StorageLevel.MEMORY_ONLY);
        InMemoryRelation rel = cm.lookupCachedData(src).orElseThrow();
        assertNull(rel.stats().rowCount(), "before the cache is built: the plan's estimate");
        collect(rel.planScan(List.of(k), List.of()));
        Statistics st = rel.stats();
        assertEquals(5000L, st.rowCount());
        long raw = 0;
        for (var b : src.planScan(src.output(), List.of()).executeCollect(ctx)) {
            raw += b.sizeInBytes();
        }
        assertTrue(st.sizeInBytes() > 0 && st.sizeInBytes() < raw / 2, st + " vs raw " + raw);
    }

    @Test
    void unpersistDropsTheBlocksAndLaterQueriesReadTheSourceAgain() throws InterruptedException {
        TestingSource src = source(1000, 100, 2, "");
        LogicalPlan cached = new Filter(gt(v, 499), src);
        cm.cacheQuery(cached, "gone", StorageLevel.MEMORY_AND_DISK);
        assertEquals(500, collect(cm, cached).size());
        InMemoryRelation rel = cm.lookupCachedData(cached).orElseThrow();
        int rddId = rel.builder().rddId();
        assertTrue(ec.blockManager().contains(new BlockId.RddBlock(rddId, 0)));
        assertEquals(2L, reads.value());
        SparkPlan plannedBefore = TestPlanner.plan(cm.useCachedData(cached));

        assertTrue(cm.uncacheQuery(cached));
        assertFalse(cm.uncacheQuery(cached));
        assertEquals(StorageLevel.NONE, cm.storageLevel(cached));
        long deadline = System.currentTimeMillis() + 10_000;
        while (hasBlocks(rddId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(hasBlocks(rddId));
        LogicalPlan used = cm.useCachedData(cached);
        assertFalse(used.exists(n -> n instanceof InMemoryRelation));
        assertEquals(500, collect(cm, cached).size());
        assertEquals(4L, reads.value(), "read from the source again");
        assertEquals(500, collect(plannedBefore).size(), "a plan made before unpersist still answers");
        assertEquals(6L, reads.value());
        assertFalse(hasBlocks(rddId), "without storing the blocks again");
    }

    @Test
    void aCacheOverACachedPlanIsBuiltFromTheFirstCache() {
        TestingSource src = source(1000, 100, 2, "");
        cm.cacheQuery(src, "base", StorageLevel.MEMORY_ONLY);
        LogicalPlan derived = new Filter(gt(v, 899), src);
        cm.cacheQuery(derived, "derived", StorageLevel.MEMORY_ONLY);
        assertEquals(100, collect(cm, derived).size());
        assertEquals(1000, collect(cm, src).size());
        assertEquals(2L, reads.value(), "the derived cache read the base cache, built once");
        assertNotNull(cm.lookupCachedData(derived).orElseThrow().stats().rowCount());
        long before = cm.version();
        cm.clearCache();
        assertTrue(cm.isEmpty());
        assertTrue(cm.version() > before, "plans made before clearCache are stale");
    }

    private static boolean hasBlocks(int rddId) {
        return ec.blockManager().allIds().stream()
                .anyMatch(id -> id instanceof BlockId.RddBlock r && r.rddId() == rddId);
    }

}
