package io.ember.sql.analysis.coercion;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedExpression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.Iterator;
import java.util.List;

/**
 * A coercion rule: rewrites, bottom-up, every expression of the plan whose children are
 * resolved (so their types are known); an expression it does not match comes back unchanged.
 */
public abstract class CoercionRule implements Rule<LogicalPlan> {
    /** The rewrite of one expression with resolved children; {@code e} itself when nothing applies. */
    protected abstract Expression coerce(Expression e);

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(e ->
                e instanceof UnresolvedExpression || !e.childrenResolved() ? e : coerce(e));
    }

    /** {@code e} rebuilt over {@code kids} (same count and order). */
    protected static Expression withChildren(Expression e, List<Expression> kids) {
        Iterator<Expression> it = kids.iterator();
        return e.mapChildren(old -> it.next());
    }
}
