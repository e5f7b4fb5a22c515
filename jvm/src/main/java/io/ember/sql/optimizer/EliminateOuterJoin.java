package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.Set;

/**
 * Turns an outer join into a narrower one when the filter above it drops the rows the outer
 * join adds: a conjunct over one side's columns that is null or false when all of them are null
 * (it "rejects nulls") means rows padded with nulls on that side never pass. A left join with
 * such a filter on its right side becomes inner; a full join becomes left, right or inner.
 */
final class EliminateOuterJoin implements Rule<LogicalPlan> {
    private final Predicates p;

    EliminateOuterJoin(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof Filter f) || !(f.child() instanceof Join j)) {
                return node;
            }
            JoinType t = j.joinType();
            if (t != JoinType.LEFT_OUTER && t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER) {
                return node;
            }
            boolean leftRejected = rejectsNulls(f.condition(), Aliases.ids(j.left().output()));
            boolean rightRejected = rejectsNulls(f.condition(), Aliases.ids(j.right().output()));
            JoinType narrowed = switch (t) {
                case LEFT_OUTER -> rightRejected ? JoinType.INNER : t;
                case RIGHT_OUTER -> leftRejected ? JoinType.INNER : t;
                default -> leftRejected && rightRejected ? JoinType.INNER
                        : leftRejected ? JoinType.LEFT_OUTER : rightRejected ? JoinType.RIGHT_OUTER : t;
            };
            return narrowed == t ? node : new Filter(f.condition(), new Join(j.left(), j.right(), narrowed, j.condition()));
        });
    }

    private boolean rejectsNulls(Expression condition, Set<ExprId> side) {
        for (Expression c : p.splitConjuncts(condition)) {
            if (!c.references().isEmpty() && Aliases.readsOnly(c, side) && c.deterministic() && nullOrFalseOnNulls(c)) {
                return true;
            }
        }
        return false;
    }

    /** Evaluates {@code c} with each column it reads set to null. */
    private static boolean nullOrFalseOnNulls(Expression c) {
        Expression bound = c.transformUp(x -> x instanceof AttributeReference a ? new Literal(null, a.dataType()) : x);
        if (!bound.foldable()) {
            return false;
        }
        try {
            Object v = bound.evalConstant();
            return v == null || Boolean.FALSE.equals(v);
        } catch (RuntimeException cannotEvaluate) {
            return false;
        }
    }
}
