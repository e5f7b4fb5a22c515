package io.ember.sql.api;

import static io.ember.sql.api.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.api.EmberContext;
import io.ember.core.EmberConf;
import io.ember.scheduler.ListenerEvent;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import io.ember.sql.execution.ui.SqlMetricInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query runs on the listener bus: ids on their jobs, plan trees, per-operator metric totals. */
class SqlExecutionTest {
    private static EmberContext ec;
    private static SparkSession spark;
    private static final List<ListenerEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("sql-execution-test")
                .set("ember.ui.showConsoleProgress", "false").set("ember.ui.enabled", "false"));
        ec.addListener(EVENTS::add);
        spark = new SparkSession(ec);
        spark.conf().set(SqlConf.SHUFFLE_PARTITIONS, "4");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @BeforeEach
    void clear() throws InterruptedException {
        ec.listenerBus().waitUntilEmpty(10_000);
        EVENTS.clear();
    }

    private static <T> List<T> events(Class<T> kind) throws InterruptedException {
        ec.listenerBus().waitUntilEmpty(10_000);
        List<T> out = new ArrayList<>();
        for (ListenerEvent e : EVENTS) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    /** The metric totals of the first node named {@code node} (pre-order) by metric name. */
    private static Map<String, Long> metricsOf(SparkPlanInfo plan, String node, Map<Long, Long> values) {
        if (plan.nodeName().equals(node)) {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (SqlMetricInfo m : plan.metrics()) {
                out.put(m.name(), values.get(m.accumulatorId()));
            }
            return out;
        }
        for (SparkPlanInfo c : plan.children()) {
            Map<String, Long> found = metricsOf(c, node, values);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void collectPostsStartUpdatesAndEndAroundItsJobsWithOperatorTotals() throws InterruptedException {
        int accumulatorsBefore = ec.registeredAccumulators();
        List<Row> rows = spark.range(0, 100, 1, 4).filter(col("id").gt(10))
                .groupBy(col("id").mod(3).alias("k")).count().collectAsList();
        assertEquals(3, rows.size());
        List<SqlExecutionStart> starts = events(SqlExecutionStart.class);
        assertEquals(1, starts.size());
        SqlExecutionStart start = starts.get(0);
        assertTrue(start.description().startsWith("collect at "), start.description());
        assertTrue(start.physicalPlanDescription().startsWith("== Physical Plan =="));
        assertEquals("HashAggregate", start.sparkPlanInfo().nodeName());
        List<ListenerEvent.JobStart> jobs = events(ListenerEvent.JobStart.class);
        assertTrue(jobs.size() >= 1);
        for (ListenerEvent.JobStart j : jobs) {
            assertEquals(String.valueOf(start.executionId()), j.properties().get(SqlExecution.EXECUTION_ID_KEY));
        }
        SqlDriverAccumUpdates updates = events(SqlDriverAccumUpdates.class).get(0);
        SqlExecutionEnd end = events(SqlExecutionEnd.class).get(0);
        assertEquals(start.executionId(), end.executionId());
        assertNull(end.errorMessage());
        assertTrue(EVENTS.indexOf(updates) < EVENTS.indexOf(end) && EVENTS.indexOf(start) < EVENTS.indexOf(jobs.get(0)));
        Map<Long, Long> v = updates.values();
        assertEquals(100L, metricsOf(start.sparkPlanInfo(), "Range", v).get("number of output rows"));
        assertEquals(89L, metricsOf(start.sparkPlanInfo(), "Filter", v).get("number of output rows"));
        Map<String, Long> finalAgg = metricsOf(start.sparkPlanInfo(), "HashAggregate", v);
        assertEquals(3L, finalAgg.get("number of output rows"));
        assertTrue(finalAgg.get("peak memory") > 0);
        assertEquals(0L, finalAgg.get("spill size"));
        Map<String, Long> exchange = metricsOf(start.sparkPlanInfo(), "Exchange", v);
        long partialRows = metricsOf(start.sparkPlanInfo().children().get(0).children().get(0), "HashAggregate", v)
                .get("number of output rows");
        assertEquals(partialRows, exchange.get("shuffle records written"));
        assertTrue(exchange.get("data size") > 0);
        assertEquals(accumulatorsBefore, ec.registeredAccumulators(), "the run's metrics are unregistered");
        assertNull(ec.getLocalProperty(SqlExecution.EXECUTION_ID_KEY));
    }

    @Test
    void eachActionIsANewExecutionAndTheJobDescriptionNamesIt() throws InterruptedException {
        Dataset<Row> df = spark.range(0, 10);
        ec.setJobDescription("my <b>query</b>");
        try {
            df.count();
        } finally {
            ec.setJobDescription(null);
        }
        df.collectAsList();
        List<SqlExecutionStart> starts = events(SqlExecutionStart.class);
        assertEquals(2, starts.size());
        assertEquals("my <b>query</b>", starts.get(0).description());
        assertEquals(starts.get(0).executionId() + 1, starts.get(1).executionId());
    }

    @Test
    void aFailingQueryEndsWithItsError() throws InterruptedException {
        Dataset<Row> bad = spark.range(0, 10).selectExpr("assert_true(id < 5)");
        assertThrows(RuntimeException.class, bad::collectAsList);
        SqlExecutionEnd end = events(SqlExecutionEnd.class).get(0);
        assertNotNull(end.errorMessage());
        assertNull(ec.getLocalProperty(SqlExecution.EXECUTION_ID_KEY));
    }

    @Test
    void aBroadcastBuildRunsInsideItsQueryAndReportsItsSize() throws InterruptedException {
        Dataset<Row> small = spark.range(0, 5).withColumnRenamed("id", "k");
        Dataset<Row> joined = spark.range(0, 50).join(small, col("id").equalTo(col("k")));
        assertEquals(5, joined.collectAsList().size());
        SqlExecutionStart start = events(SqlExecutionStart.class).get(0);
        assertEquals(1, events(SqlExecutionStart.class).size());
        Map<String, Long> bhj = metricsOf(start.sparkPlanInfo(), "BroadcastHashJoin",
                events(SqlDriverAccumUpdates.class).get(0).values());
        assertNotNull(bhj, start.sparkPlanInfo().toString());
        assertEquals(5L, bhj.get("number of output rows"));
        assertTrue(bhj.get("broadcast build size") > 0);
        for (ListenerEvent.JobStart j : events(ListenerEvent.JobStart.class)) {
            assertEquals(String.valueOf(start.executionId()), j.properties().get(SqlExecution.EXECUTION_ID_KEY));
        }
    }
}
