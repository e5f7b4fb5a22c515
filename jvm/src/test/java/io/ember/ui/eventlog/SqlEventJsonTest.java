package io.ember.ui.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.scheduler.ListenerEvent;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import io.ember.sql.execution.ui.SqlMetricInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL run events and job properties survive the event log's line format unchanged. */
class SqlEventJsonTest {
    private static void roundTrips(ListenerEvent e) throws IOException {
        assertEquals(e, EventJson.read(EventJson.write(e)));
    }

    @Test
    void sqlEventsRoundTrip() throws IOException {
        SparkPlanInfo leaf = new SparkPlanInfo("Range", "Range (0, 10, step=1, splits=2)", List.of(),
                List.of(new SqlMetricInfo("number of output rows", 7, "sum")));
        SparkPlanInfo root = new SparkPlanInfo("Sort", "Sort [id <script>]", List.of(leaf),
                List.of(new SqlMetricInfo("sort time", 8, "timing"), new SqlMetricInfo("spill size", 9, "size")));
        roundTrips(new SqlExecutionStart(3, "collect at \"x\".py:1", "a\nstack", "== Physical Plan ==\n...", root, 42));
        roundTrips(new SqlExecutionEnd(3, 50, null));
        roundTrips(new SqlExecutionEnd(3, 50, "java.lang.RuntimeException: boom"));
        roundTrips(new SqlDriverAccumUpdates(3, Map.of(7L, 10L, 8L, 0L, 9L, 1L << 40)));
    }

    @Test
    void jobStartKeepsItsProperties() throws IOException {
        roundTrips(new ListenerEvent.JobStart(1, 5, List.of(2), "g", "d", List.of(),
                Map.of("spark.sql.execution.id", "3", "callSite.short", "count at a.py:2")));
        roundTrips(new ListenerEvent.JobStart(1, 5, List.of(2), null, null, List.of()));
    }
}
