package io.ember.sql.optimizer;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.rules.Rule;

/** Relation aliases only matter to name resolution; after analysis they are dropped. */
final class EliminateSubqueryAliases implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node instanceof SubqueryAlias a ? a.child() : node);
    }
}
