package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Sort;
import io.ember.sql.rules.Rule;
import java.util.List;

/**
 * Removes sorting that cannot show in the result: constant sort keys, a sort with no keys left,
 * a sort directly below another sort (the outer one decides the order), and a deterministic sort
 * under an aggregate (grouping does not keep order).
 */
final class EliminateSorts implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Sort s) {
                List<SortOrder> kept = s.order().stream().filter(o -> !o.child().foldable()).toList();
                if (kept.isEmpty()) {
                    return s.child();
                }
                if (s.child() instanceof Sort inner && (s.global() || !inner.global())) {
                    return new Sort(kept, s.global(), inner.child());
                }
                if (kept.size() < s.order().size()) {
                    return new Sort(kept, s.global(), s.child());
                }
            }
            if (node instanceof Aggregate a && a.child() instanceof Sort s
                    && s.order().stream().allMatch(Expression::deterministic)) {
                return new Aggregate(a.groupingExpressions(), a.aggregateExpressions(), s.child());
            }
            return node;
        });
    }
}
