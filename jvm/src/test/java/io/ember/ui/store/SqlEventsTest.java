package io.ember.ui.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.scheduler.ListenerEvent;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import io.ember.sql.execution.ui.SqlMetricInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL tab's state from events: runs, their jobs, metric totals, status and retention. */
class SqlEventsTest {
    private static SparkPlanInfo plan() {
        SparkPlanInfo scan = new SparkPlanInfo("Range", "Range (0, 10)", List.of(),
                List.of(new SqlMetricInfo("number of output rows", 11, "sum")));
        return new SparkPlanInfo("Filter", "Filter (id > 3)", List.of(scan),
                List.of(new SqlMetricInfo("number of output rows", 12, "sum")));
    }

    private static ListenerEvent.JobStart job(int id, String executionId) {
        return new ListenerEvent.JobStart(id, 1000 + id, List.of(), null, null, List.of(),
                executionId == null ? Map.of() : Map.of("spark.sql.execution.id", executionId));
    }

    @Test
    void aRunCollectsItsJobsMetricsAndEnd() {
        AppStatusStore store = new AppStatusStore(StoreLimits.DEFAULT);
        store.onEvent(new SqlExecutionStart(0, "collect at app.py:3", "stack", "== Physical Plan ==", plan(), 1000));
        store.onEvent(job(0, "0"));
        store.onEvent(job(1, null));
        store.onEvent(job(2, "0"));
        SqlExecutionData running = store.sqlExecution(0).orElseThrow();
        assertEquals("RUNNING", running.status());
        assertEquals(List.of(0, 2), running.runningJobIds());
        store.onEvent(new ListenerEvent.JobEnd(0, 1100, true, null));
        store.onEvent(new ListenerEvent.JobEnd(1, 1100, true, null));
        store.onEvent(new ListenerEvent.JobEnd(2, 1200, false, new RuntimeException("boom")));
        store.onEvent(new SqlDriverAccumUpdates(0, Map.of(11L, 10L, 12L, 1234L)));
        store.onEvent(new SqlExecutionEnd(0, 1300, null));
        SqlExecutionData done = store.sqlExecution(0).orElseThrow();
        assertEquals("FAILED", done.status(), "a failed job fails the run");
        assertEquals(List.of(0), done.successJobIds());
        assertEquals(List.of(2), done.failedJobIds());
        assertEquals(List.of(), done.runningJobIds());
        assertEquals(1300, done.completionTime());
        assertEquals(java.util.Optional.of(0L), store.sqlExecutionOfJob(2));
        assertTrue(store.sqlExecutionOfJob(1).isEmpty());
        SqlPlanGraph g = SqlPlanGraph.of(done);
        assertEquals(List.of(new SqlPlanGraph.Edge(1, 0)), g.edges());
        assertEquals("1,234", g.nodes().get(0).metrics().get(0).value());
        assertEquals("10", g.nodes().get(1).metrics().get(0).value());
    }

    @Test
    void oldestFinishedRunsBeyondTheCapAreDropped() {
        AppStatusStore store = new AppStatusStore(new StoreLimits(10, 10, 10, 10, 2));
        for (int i = 0; i < 4; i++) {
            store.onEvent(new SqlExecutionStart(i, "q" + i, "", "", plan(), i));
            if (i != 0) {
                store.onEvent(new SqlExecutionEnd(i, i + 1, null));
            }
        }
        List<Long> ids = store.sqlExecutions().stream().map(SqlExecutionData::id).toList();
        assertEquals(List.of(3L, 0L), ids, "the running run stays, finished ones beyond 2 go oldest first");
        assertTrue(store.sqlExecution(1).isEmpty());
    }

    @Test
    void metricValuesFormatAsSparks() {
        assertEquals("0.0 B", SqlPlanGraph.bytes(0));
        assertEquals("2047.0 B", SqlPlanGraph.bytes(2047));
        assertEquals("1024.0 KiB", SqlPlanGraph.bytes(1 << 20));
        assertEquals("2.0 MiB", SqlPlanGraph.bytes(2 << 20));
        assertEquals("999 ms", SqlPlanGraph.millis(999));
        assertEquals("1.5 s", SqlPlanGraph.millis(1500));
        assertEquals("2.0 m", SqlPlanGraph.millis(120_000));
    }
}
