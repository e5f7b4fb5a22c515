package io.ember.sql.execution.metric;

import io.ember.sql.execution.SparkPlan;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metrics of every operator of one physical plan for one run, keyed by operator identity
 * (equal-looking operators in two places of a plan are measured apart). Made on the driver when
 * a query run starts, from each operator's {@link SparkPlan#metricDefs()}; each metric is
 * handed to a registrar (the context's accumulator table) so task updates merge into it.
 *
 * <p>Threading: built and released by the thread running the query; operators read it while
 * building their RDDs on that thread; the driver copies are merged by the scheduler thread and
 * read after the run's jobs ended.
 */
public final class PlanMetrics {
    /** No operator measured. */
    public static final PlanMetrics NONE = new PlanMetrics(new IdentityHashMap<>());

    private final IdentityHashMap<SparkPlan, NodeMetrics> byNode;

    private PlanMetrics(IdentityHashMap<SparkPlan, NodeMetrics> byNode) {
        this.byNode = byNode;
    }

    /** Declares the metrics of every operator under {@code root}, passing each to {@code register}. */
    public static PlanMetrics create(SparkPlan root, Consumer<SqlMetric> register) {
        IdentityHashMap<SparkPlan, NodeMetrics> byNode = new IdentityHashMap<>();
        declare(root, register, byNode);
        return new PlanMetrics(byNode);
    }

    private static void declare(SparkPlan node, Consumer<SqlMetric> register,
                                IdentityHashMap<SparkPlan, NodeMetrics> byNode) {
        if (byNode.containsKey(node)) {
            return;
        }
        Map<String, SqlMetric> metrics = new LinkedHashMap<>();
        for (MetricDef d : node.metricDefs()) {
            SqlMetric m = new SqlMetric(d.type());
            m.setName(d.displayName());
            register.accept(m);
            metrics.put(d.key(), m);
        }
        byNode.put(node, new NodeMetrics(metrics));
        for (SparkPlan child : node.children()) {
            declare(child, register, byNode);
        }
    }

    /** The metrics of {@code node}; {@link NodeMetrics#NONE} for an operator outside the plan. */
    public NodeMetrics of(SparkPlan node) {
        NodeMetrics m = byNode.get(node);
        return m == null ? NodeMetrics.NONE : m;
    }

    /** Every registered metric (to read their values, or unregister them when the run ends). */
    public List<SqlMetric> all() {
        List<SqlMetric> out = new ArrayList<>();
        for (NodeMetrics n : byNode.values()) {
            out.addAll(n.all().values());
        }
        return out;
    }

    /** Current driver-side values by accumulator id. */
    public Map<Long, Long> values() {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (SqlMetric m : all()) {
            out.put(m.id(), m.value());
        }
        return out;
    }
}
