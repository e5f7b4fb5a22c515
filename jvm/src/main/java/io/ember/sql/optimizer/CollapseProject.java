package io.ember.sql.optimizer;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Two adjacent selects become one, the outer's expressions rewritten over the inner's input:
 * {@code Project(b + 1 AS c, Project(a * 2 AS b, x)) -> Project((a * 2) + 1 AS c, x)}. Only when
 * both are deterministic, and each output keeps its name and id.
 */
final class CollapseProject implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof Project outer) || !(outer.child() instanceof Project inner)) {
                return node;
            }
            if (!outer.projectList().stream().allMatch(Expression::deterministic)
                    || !inner.projectList().stream().allMatch(Expression::deterministic)) {
                return node;
            }
            List<Expression> merged = new ArrayList<>();
            for (Expression e : outer.projectList()) {
                merged.add(keepName((NamedExpression) e, Aliases.substitute(e, inner.projectList())));
            }
            return new Project(merged, inner.child());
        });
    }

    /** The rewritten entry under the original's name and id. */
    private static Expression keepName(NamedExpression original, Expression rewritten) {
        if (rewritten instanceof Alias a) {
            return a.exprId().equals(original.exprId()) ? a
                    : new Alias(a.child(), original.name(), original.exprId(), original.metadata());
        }
        if (rewritten instanceof AttributeReference r && r.exprId().equals(original.exprId())) {
            return original;
        }
        return new Alias(rewritten, original.name(), original.exprId(), original.metadata());
    }
}
