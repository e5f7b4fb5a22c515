package io.ember.sql.execution;

import static io.ember.sql.api.functions.avg;
import static io.ember.sql.api.functions.col;
import static io.ember.sql.api.functions.collect_list;
import static io.ember.sql.api.functions.count;
import static io.ember.sql.api.functions.countDistinct;
import static io.ember.sql.api.functions.first;
import static io.ember.sql.api.functions.last;
import static io.ember.sql.api.functions.lit;
import static io.ember.sql.api.functions.max;
import static io.ember.sql.api.functions.min;
import static io.ember.sql.api.functions.stddev;
import static io.ember.sql.api.functions.sum;
import static io.ember.sql.api.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.SqlConf;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partial aggregate's pass-through once it reduces too little: with a policy that skips
 * after the first batch, every aggregate function gives the answers it gives without skipping.
 */
class PartialAggregateSkipTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("partial-skip")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "3");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    /** 20,000 rows in 2 partitions (several batches each), ~5,000 groups of two keys with nulls. */
    private static List<Row> aggregate() {
        Dataset<Row> in = spark.range(0, 20_000, 1, 2)
                .withColumn("k1", when(col("id").mod(11).equalTo(0), lit(null)).otherwise(col("id").mod(3500).cast("string")))
                .withColumn("k2", when(col("id").mod(13).equalTo(0), lit(null)).otherwise(col("id").mod(2)))
                .withColumn("v", when(col("id").mod(7).equalTo(0), lit(null)).otherwise(col("id").mod(100)))
                .withColumn("d", col("id").mod(17).cast("double").multiply(0.5));
        return in.groupBy("k1", "k2")
                .agg(sum("v"), count("*"), count(col("v")), avg("d"), min("v"), max(col("k1")), first(col("v")),
                        last(col("d")), collect_list(col("v")), stddev(col("d")), countDistinct(col("v")))
                .orderBy("k1", "k2").collectAsList();
    }

    /** Equal values, doubles (avg, stddev) to 1e-9: skipping changes the order they are summed in. */
    private static void assertSameRow(Row want, Row got) {
        for (int c = 0; c < want.size(); c++) {
            if (want.get(c) instanceof Double d && got.get(c) instanceof Double e) {
                assertEquals(d, e, 1e-9, want + " vs " + got);
            } else {
                assertEquals(want.get(c), got.get(c), "column " + c + ": " + want + " vs " + got);
            }
        }
    }

    @Test
    void skippingGivesTheSameAnswersForEveryFunction() {
        spark.conf().set(PartialSkipPolicy.RATIO_CONF, "2");
        List<Row> hashed = aggregate();
        spark.conf().set(PartialSkipPolicy.PROBE_ROWS_CONF, "1");
        spark.conf().set(PartialSkipPolicy.RATIO_CONF, "0");
        try {
            List<Row> skipped = aggregate();
            assertTrue(hashed.size() > 4000, "groups: " + hashed.size());
            assertEquals(hashed.size(), skipped.size());
            for (int r = 0; r < hashed.size(); r++) {
                assertSameRow(hashed.get(r), skipped.get(r));
            }
        } finally {
            spark.conf().unset(PartialSkipPolicy.PROBE_ROWS_CONF);
            spark.conf().unset(PartialSkipPolicy.RATIO_CONF);
        }
    }
}
