package io.ember.sql.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.sql.execution.AdaptiveLog;
import io.ember.sql.execution.SparkPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** explain() before and after a run whose shuffle read was coalesced; the log's identity keys. */
class AdaptiveExplainTest {
    private static EmberContext ec;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("adaptive-explain")
                .set("ember.ui.showConsoleProgress", "false"));
        spark = new SparkSession(ec);
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void theFinalPlanShowsTheCoalescedReadAboveItsExchange() {
        Dataset<Row> df = spark.range(0, 500, 1, 2).withColumn("k", functions.col("id").mod(5))
                .groupBy("k").count();
        assertFalse(df.queryExecution().explainString("simple").contains("AdaptiveSparkPlan"));
        assertEquals(5, df.collectAsList().size());
        String text = df.queryExecution().explainString("simple");
        assertTrue(text.startsWith("== Physical Plan ==\nAdaptiveSparkPlan isFinalPlan=true\n+- == Final Plan ==\n"), text);
        String[] lines = text.split("\n");
        int read = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("AQEShuffleRead coalesced (200 -> ")) {
                read = i;
            }
        }
        assertTrue(read > 0, text);
        assertTrue(lines[read + 1].trim().startsWith("+- Exchange"), text);
        assertEquals(lines[read].indexOf("+-") + 3, lines[read + 1].indexOf("+-"), text);
    }

    @Test
    void decisionsAreKeptPerOperatorInstanceAndReRecordedInPlace() {
        AdaptiveLog log = new AdaptiveLog();
        SparkPlan a = spark.range(0, 10, 1, 1).queryExecution().executedPlan();
        SparkPlan b = spark.range(0, 10, 1, 1).queryExecution().executedPlan();
        assertTrue(log.isEmpty());
        log.record(a, "coalesce", "x", false);
        log.record(a, "coalesce", "y", false);
        log.record(a, "join", "z", true);
        assertEquals(2, log.decisionsFor(a).size());
        assertEquals("y", log.decisionsFor(a).get(0).line());
        assertEquals(0, log.decisionsFor(b).size());
    }
}
