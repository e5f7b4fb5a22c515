package io.ember.sql.execution.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one operator in one query run, by {@link MetricDef#key}. Asking for a metric
 * the operator did not declare (or for any metric of an operator outside the measured plan,
 * such as one built while running) gives a detached metric: updates to it are kept by nobody,
 * so operator code never checks whether it is measured. Built on the driver before the run;
 * read-only afterwards.
 */
public final class NodeMetrics {
    /** Metrics of an unmeasured operator. */
    public static final NodeMetrics NONE = new NodeMetrics(Map.of());

    private final Map<String, SqlMetric> byKey;

    NodeMetrics(Map<String, SqlMetric> byKey) {
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    /** The metric for {@code def}: the registered one, or a detached one. */
    public SqlMetric get(MetricDef def) {
        SqlMetric m = byKey.get(def.key());
        if (m != null) {
            return m;
        }
        SqlMetric detached = new SqlMetric(def.type());
        detached.setName(def.displayName());
        return detached;
    }

    /** The registered metrics in declaration order. */
    public Map<String, SqlMetric> all() {
        return byKey;
    }
}
