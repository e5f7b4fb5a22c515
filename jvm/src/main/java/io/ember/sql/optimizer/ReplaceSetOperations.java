package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SetOperation;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code INTERSECT} (distinct) becomes the distinct left rows with a match on the right, a left
 * semi join; {@code EXCEPT} (distinct) the distinct left rows without one, a left anti join.
 * Rows match when every column is equal or both are null ({@code <=>}), as set semantics need.
 */
final class ReplaceSetOperations implements Rule<LogicalPlan> {
    private final Predicates p;

    ReplaceSetOperations(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(node -> {
            if (!(node instanceof SetOperation s) || s.all() || !p.hasAnd()) {
                return node;
            }
            List<Expression> conds = new ArrayList<>();
            List<AttributeReference> l = s.left().output();
            List<AttributeReference> r = s.right().output();
            for (int i = 0; i < l.size(); i++) {
                Expression eq = p.build("<=>", List.of(l.get(i), r.get(i))).orElse(null);
                if (eq == null) {
                    return node;
                }
                conds.add(eq);
            }
            JoinType type = s.kind() == SetOperation.Kind.INTERSECT ? JoinType.LEFT_SEMI : JoinType.LEFT_ANTI;
            Join join = new Join(s.left(), s.right(), type, p.conjunction(conds));
            return new Aggregate(l, l, join);
        });
    }
}
