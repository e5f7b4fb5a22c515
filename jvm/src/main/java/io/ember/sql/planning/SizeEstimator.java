package io.ember.sql.planning;

import io.ember.sql.plans.LogicalPlan;

/**
 * Estimated output bytes of a logical plan, which join planning compares with the broadcast
 * threshold. {@link #STATS} reads a plan's own statistics (Spark's size-only estimate: a join
 * counts as the product of its inputs, a filter as its input); a session plans with the
 * optimizer's row estimates instead (as Spark's cost-based join estimates), so that a join of
 * small dimension tables is seen to be small. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface SizeEstimator {
    SizeEstimator STATS = plan -> plan.stats().sizeInBytes();

    long sizeInBytes(LogicalPlan plan);
}
