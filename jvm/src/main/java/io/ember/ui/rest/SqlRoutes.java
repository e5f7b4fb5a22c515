package io.ember.ui.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ember.ui.store.AppStatusStore;
import io.ember.ui.store.SqlExecutionData;
import io.ember.ui.store.SqlPlanGraph;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code applications/{id}/sql[?details=&planDescription=&offset=&length=]} and
 * {@code sql/{executionId}[?details=&planDescription=]}: Spark's {@code ExecutionData} shape
 * (id, status, description, planDescription, submissionTime, duration, running/success/failed
 * job ids, nodes with formatted metrics and edges, errorMessage, rootExecutionId). Nodes are
 * listed highest id first and edges child to parent, as Spark's. Stateless.
 */
final class SqlRoutes {
    private SqlRoutes() {}

    static Response answer(AppStatusStore store, String[] p, Map<String, String> query, LongSupplier clock) {
        boolean details = flag(query, "details");
        boolean plan = flag(query, "planDescription");
        long now = clock.getAsLong();
        if (p.length == 3) {
            int offset = nonNegative(query, "offset", 0);
            int length = nonNegative(query, "length", 20);
            List<SqlExecutionData> all = store.sqlExecutions();
            List<SqlExecutionData> oldestFirst = new java.util.ArrayList<>(all);
            java.util.Collections.reverse(oldestFirst);
            ArrayNode out = ApiJson.MAPPER.createArrayNode();
            for (int i = offset; i < oldestFirst.size() && i < (long) offset + length; i++) {
                out.add(execution(oldestFirst.get(i), details, plan, now));
            }
            return RestApi.ok(out);
        }
        if (p.length == 4) {
            String unknown = "unknown query execution id: " + p[3];
            long id;
            try {
                id = Long.parseLong(p[3]);
            } catch (NumberFormatException e) {
                throw new RestApi.NotFound(unknown);
            }
            return RestApi.ok(execution(store.sqlExecution(id).orElseThrow(() -> new RestApi.NotFound(unknown)),
                    details, plan, now));
        }
        throw new RestApi.NotFound("unknown path: " + String.join("/", p));
    }

    static ObjectNode execution(SqlExecutionData e, boolean details, boolean plan, long now) {
        ObjectNode n = ApiJson.MAPPER.createObjectNode();
        n.put("id", e.id()).put("status", e.status()).put("description", e.description())
                .put("planDescription", plan ? e.planDescription() : "")
                .put("submissionTime", ApiJson.date(e.submissionTime()))
                .put("duration", (e.completionTime() >= 0 ? e.completionTime() : now) - e.submissionTime());
        e.runningJobIds().forEach(n.putArray("runningJobIds")::add);
        e.successJobIds().forEach(n.putArray("successJobIds")::add);
        e.failedJobIds().forEach(n.putArray("failedJobIds")::add);
        ArrayNode nodes = n.putArray("nodes");
        ArrayNode edges = n.putArray("edges");
        if (details) {
            SqlPlanGraph g = SqlPlanGraph.of(e);
            for (int i = g.nodes().size() - 1; i >= 0; i--) {
                SqlPlanGraph.Node node = g.nodes().get(i);
                ObjectNode o = nodes.addObject();
                o.put("nodeId", node.id()).put("nodeName", node.name());
                ArrayNode metrics = o.putArray("metrics");
                node.metrics().forEach(m -> metrics.addObject().put("name", m.name()).put("value", m.value()));
                o.put("desc", node.desc());
            }
            g.edges().forEach(x -> edges.addObject().put("fromId", x.fromId()).put("toId", x.toId()));
        }
        n.put("errorMessage", e.errorMessage() == null ? "" : e.errorMessage()).put("rootExecutionId", e.id());
        return n;
    }

    private static boolean flag(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null) {
            return true;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(name + " must be true or false, not " + v);
    }

    private static int nonNegative(Map<String, String> query, String name, int dflt) {
        String v = query.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v);
            if (i >= 0) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a non-negative integer, not " + v);
    }
}
