package io.ember.sql.analysis;

import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InlineTableValue;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.Map;

/**
 * Each resolved {@link InlineTableValue} becomes its value; one that is not deterministic
 * ({@code VALUES (rand())}) is Spark's
 * {@code INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE}: an inline table's
 * values are evaluated once, not per read. Stateless.
 */
final class ResolveInlineTableValues implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> node.mapExpressions(e -> e.transformUp(ResolveInlineTableValues::resolve)));
    }

    private static Expression resolve(Expression e) {
        if (!(e instanceof InlineTableValue v) || !v.value().resolved()) {
            return e;
        }
        if (!v.value().deterministic()) {
            String expr = "\"" + v.text() + "\"";
            throw new AnalysisException("INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE",
                    "Invalid inline table. Cannot evaluate the expression " + expr + " in inline table definition.",
                    Map.of("expr", expr));
        }
        return v.value();
    }
}
