package io.ember.sql.execution.ui;

import io.ember.sql.execution.SparkPlan;
import io.ember.sql.execution.metric.PlanMetrics;
import io.ember.sql.execution.metric.SqlMetric;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical plan as data for the UI (Spark's {@code SparkPlanInfo}): each operator's name,
 * its one-line description, its children and the metrics it declared for this run, with the
 * accumulator ids their values arrive under. Immutable.
 */
public record SparkPlanInfo(String nodeName, String simpleString, List<SparkPlanInfo> children,
                            List<SqlMetricInfo> metrics) {
    public SparkPlanInfo {
        children = List.copyOf(children);
        metrics = List.copyOf(metrics);
    }

    /** The tree of {@code plan} with the metrics {@code run} registered for it. */
    public static SparkPlanInfo of(SparkPlan plan, PlanMetrics run) {
        List<SparkPlanInfo> kids = new ArrayList<>();
        for (SparkPlan c : plan.children()) {
            kids.add(of(c, run));
        }
        List<SqlMetricInfo> metrics = new ArrayList<>();
        for (SqlMetric m : run.of(plan).all().values()) {
            metrics.add(new SqlMetricInfo(m.name(), m.id(), m.type().sparkName()));
        }
        return new SparkPlanInfo(displayName(plan), plan.simpleString(), kids, metrics);
    }

    /** Spark's operator names: the class name without its {@code Exec} suffix. */
    static String displayName(SparkPlan plan) {
        String n = plan.nodeName();
        if (n.equals("ShuffleExchangeExec")) {
            return "Exchange";
        }
        if (n.equals("FileSourceScanExec")) {
            return "Scan";
        }
        return n.endsWith("Exec") ? n.substring(0, n.length() - 4) : n;
    }
}
