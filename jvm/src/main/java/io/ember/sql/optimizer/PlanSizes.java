package io.ember.sql.optimizer;

import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.planning.SizeEstimator;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Statistics;

/**
 * Output bytes from {@link Cardinality}'s row estimates times the row width, never above the
 * plan's own size estimate: a filter over a small table and a join of a table with filtered
 * dimensions come out small enough to broadcast, where the size-only estimate multiplies the
 * inputs of every join. Stateless and thread-safe.
 */
public final class PlanSizes implements SizeEstimator {
    private final Cardinality cardinality;

    public PlanSizes(FunctionRegistry registry) {
        this.cardinality = new Cardinality(new Predicates(registry));
    }

    @Override
    public long sizeInBytes(LogicalPlan plan) {
        long stats = plan.stats().sizeInBytes();
        double rows = cardinality.of(plan).rows();
        double bytes = rows * Statistics.rowSize(plan.output());
        return bytes >= stats ? stats : Math.max(1, (long) bytes);
    }
}
