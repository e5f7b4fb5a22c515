package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;

/**
 * Simplifies {@code and}/{@code or}/{@code not} with a known side: {@code true AND x -> x},
 * {@code false AND x -> false}, {@code true OR x -> true}, {@code false OR x -> x},
 * {@code x AND x -> x}, {@code NOT NOT x -> x}. Three-valued logic holds: {@code false AND null}
 * is false and {@code true OR null} is true, so these rewrites keep nulls right.
 */
final class BooleanSimplification implements Rule<LogicalPlan> {
    private final Predicates p;

    BooleanSimplification(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformAllExpressions(this::simplify);
    }

    private Expression simplify(Expression e) {
        if (p.isAnd(e)) {
            Expression l = e.children().get(0);
            Expression r = e.children().get(1);
            if (isTrue(l)) return r;
            if (isTrue(r)) return l;
            if (isFalse(l) || isFalse(r)) return Predicates.FALSE;
            if (l.equals(r) && l.deterministic()) return l;
        } else if (p.isOr(e)) {
            Expression l = e.children().get(0);
            Expression r = e.children().get(1);
            if (isFalse(l)) return r;
            if (isFalse(r)) return l;
            if (isTrue(l) || isTrue(r)) return Predicates.TRUE;
            if (l.equals(r) && l.deterministic()) return l;
        } else if (p.isNot(e) && p.isNot(e.children().get(0))) {
            return e.children().get(0).children().get(0);
        }
        return e;
    }

    static boolean isTrue(Expression e) {
        return e instanceof Literal l && Boolean.TRUE.equals(l.value());
    }

    static boolean isFalse(Expression e) {
        return e instanceof Literal l && Boolean.FALSE.equals(l.value());
    }
}
