package io.ember.ui.store;

import io.ember.sql.execution.metric.MetricType;
import io.ember.sql.execution.ui.SparkPlanInfo;
import io.ember.sql.execution.ui.SqlMetricInfo;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query run's physical plan as a graph with its metric values formatted as Spark's UI does
 * (Spark's {@code SparkPlanGraph}): nodes numbered in pre-order from the root (0), an edge from
 * each child to its parent. A metric without a value yet (a running query) reads "". Values are
 * the run's totals over all tasks. Immutable; built per request.
 */
public record SqlPlanGraph(List<Node> nodes, List<Edge> edges) {
    public record Metric(String name, String value) {}

    public record Node(int id, String name, String desc, List<Metric> metrics) {}

    public record Edge(int fromId, int toId) {}

    public static SqlPlanGraph of(SqlExecutionData e) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        add(e.plan(), e.metricValues(), nodes, edges, -1);
        return new SqlPlanGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static void add(SparkPlanInfo p, Map<Long, Long> values, List<Node> nodes, List<Edge> edges, int parent) {
        int id = nodes.size();
        List<Metric> metrics = new ArrayList<>();
        for (SqlMetricInfo m : p.metrics()) {
            Long v = values.get(m.accumulatorId());
            metrics.add(new Metric(m.name(), v == null ? "" : format(MetricType.bySparkName(m.metricType()), v)));
        }
        nodes.add(new Node(id, p.nodeName(), p.simpleString(), List.copyOf(metrics)));
        if (parent >= 0) {
            edges.add(new Edge(id, parent));
        }
        for (SparkPlanInfo c : p.children()) {
            add(c, values, nodes, edges, id);
        }
    }

    /** A metric value as Spark prints it: "1,234" rows, "740.0 B", "12 ms". */
    public static String format(MetricType type, long v) {
        return switch (type) {
            case SUM -> NumberFormat.getIntegerInstance(Locale.US).format(v);
            case SIZE -> bytes(v);
            case TIMING -> millis(v);
            case NS_TIMING -> millis(v / 1_000_000L);
        };
    }

    /** Spark's {@code Utils.bytesToString}: the largest unit the value is at least twice of. */
    static String bytes(long size) {
        String[] units = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (6 - i));
            if (size >= 2 * unit && 2 * unit > 0) {
                return String.format(Locale.US, "%.1f %s", (double) size / unit, units[i]);
            }
        }
        return String.format(Locale.US, "%.1f B", (double) size);
    }

    /** Spark's {@code Utils.msDurationToString}. */
    static String millis(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.US, "%.1f s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return String.format(Locale.US, "%.1f m", ms / 60_000.0);
        }
        return String.format(Locale.US, "%.2f h", ms / 3_600_000.0);
    }
}
