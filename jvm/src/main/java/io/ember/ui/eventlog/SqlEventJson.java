package io.ember.ui.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.scheduler.ListenerEvent;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlDriverAccumUpdates;
import io.ember.sql.execution.ui.SqlExecutionEnd;
import io.ember.sql.execution.ui.SqlExecutionStart;
import io.ember.sql.execution.ui.SqlMetricInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event log lines of SQL query runs, in {@link EventJson}'s format: kinds
 * {@code SQLExecutionStart} (with the plan tree as Spark's {@code sparkPlanInfo}: nodeName,
 * simpleString, children, metrics of name/accumulatorId/metricType), {@code SQLExecutionEnd} and
 * {@code SQLDriverAccumUpdates} (pairs of accumulator id and value). Stateless; thread-safe.
 */
final class SqlEventJson {
    private SqlEventJson() {}

    /** The event's JSON, or null when it is not a SQL event. */
    static ObjectNode write(ListenerEvent.Extension event) {
        ObjectNode n = EventJson.MAPPER.createObjectNode();
        if (event instanceof SqlExecutionStart s) {
            n.put("Event", "SQLExecutionStart").put("executionId", s.executionId())
                    .put("description", s.description()).put("details", s.details())
                    .put("physicalPlanDescription", s.physicalPlanDescription()).put("time", s.time());
            n.set("sparkPlanInfo", plan(s.sparkPlanInfo()));
        } else if (event instanceof SqlExecutionEnd e) {
            n.put("Event", "SQLExecutionEnd").put("executionId", e.executionId()).put("time", e.time())
                    .put("errorMessage", e.errorMessage());
        } else if (event instanceof SqlDriverAccumUpdates u) {
            n.put("Event", "SQLDriverAccumUpdates").put("executionId", u.executionId());
            ArrayNode updates = n.putArray("accumUpdates");
            u.values().forEach((id, v) -> updates.addArray().add(id).add(v));
        } else {
            return null;
        }
        return n;
    }

    /** The SQL event of a parsed line, or null for another kind. */
    static ListenerEvent read(JsonNode n) {
        return switch (n.path("Event").asText()) {
            case "SQLExecutionStart" -> new SqlExecutionStart(n.path("executionId").asLong(),
                    EventJson.text(n, "description"), EventJson.text(n, "details"),
                    EventJson.text(n, "physicalPlanDescription"), plan(n.path("sparkPlanInfo")),
                    n.path("time").asLong());
            case "SQLExecutionEnd" -> new SqlExecutionEnd(n.path("executionId").asLong(), n.path("time").asLong(),
                    EventJson.text(n, "errorMessage"));
            case "SQLDriverAccumUpdates" -> {
                Map<Long, Long> values = new LinkedHashMap<>();
                n.path("accumUpdates").forEach(pair -> values.put(pair.path(0).asLong(), pair.path(1).asLong()));
                yield new SqlDriverAccumUpdates(n.path("executionId").asLong(), values);
            }
            default -> null;
        };
    }

    private static ObjectNode plan(SparkPlanInfo p) {
        ObjectNode n = EventJson.MAPPER.createObjectNode();
        n.put("nodeName", p.nodeName()).put("simpleString", p.simpleString());
        ArrayNode kids = n.putArray("children");
        p.children().forEach(c -> kids.add(plan(c)));
        ArrayNode metrics = n.putArray("metrics");
        for (SqlMetricInfo m : p.metrics()) {
            metrics.addObject().put("name", m.name()).put("accumulatorId", m.accumulatorId())
                    .put("metricType", m.metricType());
        }
        return n;
    }

    private static SparkPlanInfo plan(JsonNode n) {
        List<SparkPlanInfo> kids = new ArrayList<>();
        n.path("children").forEach(c -> kids.add(plan(c)));
        List<SqlMetricInfo> metrics = new ArrayList<>();
        n.path("metrics").forEach(m -> metrics.add(new SqlMetricInfo(EventJson.text(m, "name"),
                m.path("accumulatorId").asLong(), EventJson.text(m, "metricType"))));
        return new SparkPlanInfo(String.valueOf(EventJson.text(n, "nodeName")),
                String.valueOf(EventJson.text(n, "simpleString")), kids, metrics);
    }
}
