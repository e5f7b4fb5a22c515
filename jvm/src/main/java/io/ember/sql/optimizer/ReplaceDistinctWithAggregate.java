package io.ember.sql.optimizer;

import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Distinct;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;

/** {@code Distinct(x)} becomes an aggregate grouping by every column of {@code x}. */
final class ReplaceDistinctWithAggregate implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof Distinct d
                ? new Aggregate(d.child().output(), d.child().output(), d.child())
                : node);
    }
}
