package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;

/**
 * Evaluates every deterministic expression that depends on no row ({@code 1 + 2}, {@code upper('a')})
 * once, replacing it by a literal. An expression that fails to evaluate (an ANSI overflow) is
 * left for execution, where its error belongs.
 */
final class ConstantFolding implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(ConstantFolding::fold);
    }

    static Expression fold(Expression e) {
        if (e instanceof Literal || !e.foldable() || !e.deterministic() || !e.resolved()) {
            return e;
        }
        try {
            return new Literal(e.evalConstant(), e.dataType());
        } catch (RuntimeException evaluationError) {
            return e;
        }
    }
}
