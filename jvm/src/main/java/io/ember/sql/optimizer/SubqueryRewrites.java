package io.ember.sql.optimizer;

import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.function.UnaryOperator;

/** What the subquery rewrites share: apply a rule to the plans of nested subqueries before the plan holding them. */
final class SubqueryRewrites {
    private SubqueryRewrites() {}

    /**
     * {@code rule} applied to the plan of every subquery in {@code plan}'s expressions (so that
     * a subquery's own subqueries are joins before it is), then {@code rewrite} to every node of
     * {@code plan} that holds a subquery, bottom-up.
     */
    static LogicalPlan nestedFirst(LogicalPlan plan, Rule<LogicalPlan> rule, UnaryOperator<LogicalPlan> rewrite) {
        LogicalPlan inner = plan.transformAllExpressions(e -> {
            if (e instanceof SubqueryExpression s) {
                LogicalPlan sub = rule.apply(s.plan());
                return sub == s.plan() ? s : s.withPlan(sub);
            }
            return e;
        });
        return inner.transformUp(node -> node.expressions().stream().anyMatch(Subqueries::hasSubquery)
                ? rewrite.apply(node) : node);
    }
}
