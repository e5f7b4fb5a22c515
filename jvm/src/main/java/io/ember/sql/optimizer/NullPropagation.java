package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;

/**
 * Answers null tests whose answer the types already give: {@code isnull(x)} is false and
 * {@code isnotnull(x)} true when {@code x} cannot be null. (A null literal flowing into an
 * operator that returns null for null inputs is folded by {@link ConstantFolding}.)
 */
final class NullPropagation implements Rule<LogicalPlan> {
    private final Predicates p;

    NullPropagation(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(e -> {
            if (e.children().size() != 1 || !e.children().get(0).resolved() || e.children().get(0).nullable()) {
                return e;
            }
            if (p.is("isnull", e)) {
                return Predicates.FALSE;
            }
            if (p.is("isnotnull", e)) {
                return Predicates.TRUE;
            }
            return e;
        });
    }
}
