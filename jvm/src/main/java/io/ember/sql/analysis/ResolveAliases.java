package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.expressions.UnresolvedExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Names each unnamed entry of a select or aggregate list after its expression's SQL text, as
 * Spark names a column: {@code (a + 1)}, {@code sum(b)}. It runs before type coercion, so the
 * casts coercion adds never show in a name.
 */
final class ResolveAliases implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (node instanceof Project p) {
                List<Expression> named = name(p.projectList());
                return named == null ? p : new Project(named, p.child());
            }
            if (node instanceof Aggregate a) {
                List<Expression> named = name(a.aggregateExpressions());
                return named == null ? a : new Aggregate(a.groupingExpressions(), named, a.child());
            }
            return node;
        });
    }

    /** The list with every ready unnamed entry aliased; null when none was. */
    private static List<Expression> name(List<Expression> list) {
        List<Expression> out = new ArrayList<>(list.size());
        boolean changed = false;
        for (Expression e : list) {
            if (!(e instanceof NamedExpression) && !e.exists(x -> x instanceof UnresolvedExpression)) {
                out.add(new Alias(e, AutoAlias.nameOf(e)));
                changed = true;
            } else {
                out.add(e);
            }
        }
        return changed ? out : null;
    }
}
