package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.sql.plans.LogicalPlan;
import io.ember.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cache with executors in separate JVMs: blocks built and read there, and removed there by unpersist. */
class CacheClusterTest extends CacheTesting {
    @BeforeAll
    static void setUp() {
        CacheTesting.start("CacheClusterTest", "ember.master", "local-cluster[2,1,512]");
    }

    @AfterAll
    static void tearDown() {
        stop();
    }

    /** Files of the cached RDD's blocks in the executors' local directories. */
    private static long blockFiles(int rddId) {
        String prefix = "rdd_" + rddId + "_";
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            return walk.filter(p -> p.toString().contains(ec.applicationId())
                    && p.getFileName().toString().startsWith(prefix)).count();
        } catch (IOException | UncheckedIOException e) {
            return blockFiles(rddId);
        }
    }

    private final CacheManager cache = new CacheManager(ec, TestPlanner::plan);

    @Test
    void executorsKeepTheCachedBatchesAndUnpersistRemovesThemEverywhere() throws InterruptedException {
        LogicalPlan src = source(20_000, 1000, 4, "");
        cache.cacheQuery(src, "cluster", StorageLevel.DISK_ONLY);
        assertEquals(20_000, collect(cache, src).size());
        assertEquals(20_000, collect(cache, src).size());
        assertEquals(4L, (long) reads.value(), "the second query read the executors' blocks");
        int rddId = cache.lookupCachedData(src).orElseThrow().builder().rddId();
        assertEquals(4, blockFiles(rddId), "one block file per partition, on the executors");
        assertTrue(cache.uncacheQuery(src));
        long deadline = System.currentTimeMillis() + 20_000;
        while (blockFiles(rddId) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, blockFiles(rddId));
    }

}
