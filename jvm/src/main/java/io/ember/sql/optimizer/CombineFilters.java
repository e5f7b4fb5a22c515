package io.ember.sql.optimizer;

import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;

/** Two adjacent filters become one over the conjunction: {@code Filter(a, Filter(b, x)) -> Filter(b AND a, x)}. */
final class CombineFilters implements Rule<LogicalPlan> {
    private final Predicates p;

    CombineFilters(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!p.hasAnd()) {
            return plan;
        }
        return plan.transformUp(node -> {
            if (node instanceof Filter outer && outer.child() instanceof Filter inner
                    && outer.condition().deterministic() && inner.condition().deterministic()) {
                return new Filter(p.and(inner.condition(), outer.condition()), inner.child());
            }
            return node;
        });
    }
}
