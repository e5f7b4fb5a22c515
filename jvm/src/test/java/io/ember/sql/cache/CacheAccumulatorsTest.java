package io.ember.sql.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.api.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cached query's partition-statistics accumulator ends with the cache: unpersist and
 * clearCache unregister it (they stayed registered on the driver forever before).
 */
class CacheAccumulatorsTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("cache-accumulators")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void uncachingUnregistersTheStatsAccumulator() {
        int before = ec.registeredAccumulators();
        for (int i = 0; i < 20; i++) {
            Dataset<Row> df = spark.range(0, 100 + i, 1, 2).withColumn("x", functions.col("id").plus(i)).cache();
            assertEquals(100 + i, df.count());
            assertEquals(before + 1, ec.registeredAccumulators());
            df.unpersist();
            assertEquals(before, ec.registeredAccumulators());
        }
        spark.range(0, 5, 1, 1).cache().count();
        spark.range(0, 6, 1, 1).cache().count();
        assertEquals(before + 2, ec.registeredAccumulators());
        spark.cacheManager().clearCache();
        assertEquals(before, ec.registeredAccumulators());
    }
}
