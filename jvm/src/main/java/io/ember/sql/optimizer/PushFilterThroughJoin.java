package io.ember.sql.optimizer;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves the conjuncts of a filter above a join, and of the join's own condition, to the side
 * whose columns they read, where the join type allows it: both sides of an inner join; the
 * preserved side of an outer join for a filter above it, the other side for a condition in
 * it; nothing across a full outer join. Deterministic conjuncts over both sides of an inner
 * join become part of its condition, also when nothing else moves (a filter straight over a
 * cross join), so the join strategy sees them as keys.
 */
final class PushFilterThroughJoin implements Rule<LogicalPlan> {
    private final Predicates p;

    PushFilterThroughJoin(Predicates p) {
        this.p = p;
    }

    private record Split(List<Expression> left, List<Expression> right, List<Expression> rest) {
        boolean movesAny() {
            return !left.isEmpty() || !right.isEmpty();
        }
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!p.hasAnd()) {
            return plan;
        }
        return plan.transformDown(node -> {
            if (node instanceof Filter f && f.child() instanceof Join j) {
                return pushFilter(f, j);
            }
            if (node instanceof Join j && j.condition().isPresent()) {
                return pushCondition(j);
            }
            return node;
        });
    }

    private LogicalPlan pushFilter(Filter f, Join j) {
        JoinType t = j.joinType();
        boolean toLeft = t != JoinType.RIGHT_OUTER && t != JoinType.FULL_OUTER;
        boolean toRight = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.RIGHT_OUTER;
        Split s = split(p.splitConjuncts(f.condition()), j, toLeft, toRight);
        boolean inner = t == JoinType.INNER || t == JoinType.CROSS;
        // over an inner join, deterministic conjuncts over both sides join its condition
        // (a comma join's key, as c_custkey = o_custkey); the others stay above
        List<Expression> toCondition = inner ? s.rest().stream().filter(Expression::deterministic).toList() : List.of();
        if (!s.movesAny() && toCondition.isEmpty()) {
            return f;
        }
        List<Expression> joinConds = new ArrayList<>(j.condition().map(p::splitConjuncts).orElse(List.of()));
        joinConds.addAll(toCondition);
        List<Expression> above = new ArrayList<>(s.rest());
        above.removeAll(toCondition);
        Join pushed = new Join(filtered(j.left(), s.left()), filtered(j.right(), s.right()),
                inner && !joinConds.isEmpty() ? JoinType.INNER : t, p.conjunction(joinConds));
        return p.conjunction(above).<LogicalPlan>map(c -> new Filter(c, pushed)).orElse(pushed);
    }

    private LogicalPlan pushCondition(Join j) {
        JoinType t = j.joinType();
        boolean toLeft = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI || t == JoinType.RIGHT_OUTER;
        boolean toRight = t == JoinType.INNER || t == JoinType.CROSS || t == JoinType.LEFT_SEMI
                || t == JoinType.LEFT_OUTER || t == JoinType.LEFT_ANTI;
        Split s = split(p.splitConjuncts(j.condition().get()), j, toLeft, toRight);
        if (!s.movesAny()) {
            return j;
        }
        return new Join(filtered(j.left(), s.left()), filtered(j.right(), s.right()), t, p.conjunction(s.rest()));
    }

    private Split split(List<Expression> conjuncts, Join j, boolean toLeft, boolean toRight) {
        Set<ExprId> leftIds = Aliases.ids(j.left().output());
        Set<ExprId> rightIds = Aliases.ids(j.right().output());
        List<Expression> left = new ArrayList<>();
        List<Expression> right = new ArrayList<>();
        List<Expression> rest = new ArrayList<>();
        for (Expression c : conjuncts) {
            boolean hasRefs = !c.references().isEmpty();
            if (toLeft && hasRefs && c.deterministic() && Aliases.readsOnly(c, leftIds)) {
                left.add(c);
            } else if (toRight && hasRefs && c.deterministic() && Aliases.readsOnly(c, rightIds)) {
                right.add(c);
            } else {
                rest.add(c);
            }
        }
        return new Split(left, right, rest);
    }

    private LogicalPlan filtered(LogicalPlan child, List<Expression> conjuncts) {
        return p.conjunction(conjuncts).<LogicalPlan>map(c -> new Filter(c, child)).orElse(child);
    }
}
