package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters found while a query runs, for the scans that take them ({@link RuntimeFilteredScan}),
 * keyed by scan identity: a broadcast hash join adds its {@link JoinKeyFilter}s for the scan
 * under its stream side and runs that side with them, so they reach only that path of the
 * plan. Immutable: adding returns a new instance. Made and read on the thread that builds the
 * query's RDDs.
 */
public final class RuntimeFilters {
    /** No filters. */
    public static final RuntimeFilters NONE = new RuntimeFilters(new IdentityHashMap<>());

    private final IdentityHashMap<SparkPlan, List<Expression>> byScan;

    private RuntimeFilters(IdentityHashMap<SparkPlan, List<Expression>> byScan) {
        this.byScan = byScan;
    }

    /** These filters and {@code filter} for {@code scan}. */
    RuntimeFilters with(SparkPlan scan, Expression filter) {
        IdentityHashMap<SparkPlan, List<Expression>> copy = new IdentityHashMap<>();
        for (Map.Entry<SparkPlan, List<Expression>> e : byScan.entrySet()) {
            copy.put(e.getKey(), e.getValue());
        }
        List<Expression> own = new ArrayList<>(byScan.getOrDefault(scan, List.of()));
        own.add(filter);
        copy.put(scan, List.copyOf(own));
        return new RuntimeFilters(copy);
    }

    /** The filters for {@code scan} (empty for none). */
    public List<Expression> of(SparkPlan scan) {
        return byScan.getOrDefault(scan, List.of());
    }

    boolean isEmpty() {
        return byScan.isEmpty();
    }
}
