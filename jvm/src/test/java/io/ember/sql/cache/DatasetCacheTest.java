package io.ember.sql.cache;

import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.storage.StorageLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Dataset.cache()/persist/unpersist/storageLevel} through the session's query execution. */
class DatasetCacheTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("dataset-cache")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void cachedDatasetAnswersLaterQueriesAfterItsFileIsGone(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("t.csv");
        StringBuilder text = new StringBuilder("k,v\n");
        for (int i = 0; i < 1000; i++) {
            text.append(i % 10).append(',').append(i).append('\n');
        }
        Files.writeString(csv, text);
        Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
        assertEquals(StorageLevel.NONE, df.storageLevel());
        assertEquals(df, df.cache());
        assertEquals(StorageLevel.MEMORY_AND_DISK, df.storageLevel());
        assertEquals(1000L, df.count());
        Files.delete(csv);
        Dataset<Row> q = df.filter(col("v").gt(989)).groupBy("k").agg(sum("v")).orderBy(col("k"));
        assertTrue(q.queryExecution().explainString("simple").contains("InMemoryTableScan"),
                q.queryExecution().explainString("simple"));
        List<Row> rows = q.collectAsList();
        assertEquals(10, rows.size());
        assertEquals(Row.of(3, 993L), rows.get(3));
        assertEquals(StorageLevel.NONE, df.filter(col("v").gt(1)).storageLevel(), "a derived plan is not itself cached");
        df.unpersist();
        assertEquals(StorageLevel.NONE, df.storageLevel());
        assertFalse(q.queryExecution().explainString("simple").contains("InMemoryTableScan"));
    }

    @Test
    void aDatasetRunBeforeCacheReadsTheCacheAfterwards() {
        Dataset<Row> df = spark.range(0, 100, 1, 2).withColumn("sq", col("id").multiply(col("id")));
        assertEquals(100L, df.collectAsList().size());
        assertFalse(df.queryExecution().executedPlan().treeString().contains("InMemoryTableScan"));
        df.persist(StorageLevel.MEMORY_ONLY);
        assertTrue(df.queryExecution().executedPlan().treeString().contains("InMemoryTableScan"),
                df.queryExecution().executedPlan().treeString());
        assertEquals(328350L, df.agg(sum("sq")).collectAsList().get(0).getLong(0));
        df.unpersist();
        assertFalse(df.queryExecution().executedPlan().treeString().contains("InMemoryTableScan"));
    }
}
