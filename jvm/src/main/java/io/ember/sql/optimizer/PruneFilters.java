package io.ember.sql.optimizer;

import io.ember.sql.plans.Filter;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.List;

/** A filter that is always true disappears; one that is always false or null leaves no rows. */
final class PruneFilters implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Filter f) {
                if (BooleanSimplification.isTrue(f.condition())) {
                    return f.child();
                }
                if (BooleanSimplification.isFalse(f.condition())
                        || f.condition() instanceof io.ember.sql.expressions.Literal l && l.value() == null) {
                    return new LocalRelation(f.output(), List.of());
                }
            }
            return node;
        });
    }
}
