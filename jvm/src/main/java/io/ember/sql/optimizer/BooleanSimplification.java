package io.ember.sql.optimizer;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Simplifies {@code and}/{@code or}/{@code not} with a known side: {@code true AND x -> x},
 * {@code false AND x -> false}, {@code true OR x -> true}, {@code false OR x -> x},
 * {@code x AND x -> x}, {@code NOT NOT x -> x}. Three-valued logic holds: {@code false AND null}
 * is false and {@code true OR null} is true, so these rewrites keep nulls right.
 *
 * <p>It also factors conjuncts common to both sides out of a disjunction, as Spark's rule does:
 * {@code (a AND b) OR (a AND c) -> a AND (b OR c)}, and {@code a OR (a AND b) -> a}. Kleene logic
 * is distributive, so nulls stay right; only deterministic conjuncts are factored. This is what
 * turns a join key repeated in every branch of an OR (TPC-H q19) into an equi-join key the
 * filter push-down and the join strategy can see.
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
            return factorCommonConjuncts(e, l, r);
        } else if (p.isNot(e) && p.isNot(e.children().get(0))) {
            return e.children().get(0).children().get(0);
        }
        return e;
    }

    private Expression factorCommonConjuncts(Expression or, Expression l, Expression r) {
        List<Expression> left = p.splitConjuncts(l);
        List<Expression> right = p.splitConjuncts(r);
        List<Expression> common = new ArrayList<>();
        for (Expression c : left) {
            if (c.deterministic() && right.contains(c) && !common.contains(c)) {
                common.add(c);
            }
        }
        if (common.isEmpty()) {
            return or;
        }
        List<Expression> leftRest = new ArrayList<>(left);
        leftRest.removeAll(common);
        List<Expression> rightRest = new ArrayList<>(right);
        rightRest.removeAll(common);
        Expression factored = p.conjunction(common).orElseThrow();
        if (leftRest.isEmpty() || rightRest.isEmpty()) {
            return factored;
        }
        Expression rest = p.build("or", List.of(p.conjunction(leftRest).orElseThrow(), p.conjunction(rightRest).orElseThrow()))
                .orElseThrow();
        return p.and(factored, rest);
    }

    static boolean isTrue(Expression e) {
        return e instanceof Literal l && Boolean.TRUE.equals(l.value());
    }

    static boolean isFalse(Expression e) {
        return e instanceof Literal l && Boolean.FALSE.equals(l.value());
    }
}
