package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.HashSet;
import java.util.Set;

/**
 * Moves a left semi or anti join below an inner join (and a select of columns above it) into
 * the side whose columns its condition reads, as Spark's {@code PushLeftSemiLeftAntiThroughJoin}
 * does: {@code (orders JOIN lineitem) LEFT SEMI JOIN big ON o_orderkey = k} becomes
 * {@code (orders LEFT SEMI JOIN big ON ...) JOIN lineitem}, so the rows an {@code IN} subquery
 * removes are removed before the larger join. An inner join keeps or drops a left row's
 * matches as a whole, so filtering one side first gives the same rows.
 */
final class PushSemiJoinThroughJoin implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(node -> {
            if (!(node instanceof Join semi) || (semi.joinType() != JoinType.LEFT_SEMI && semi.joinType() != JoinType.LEFT_ANTI)
                    || semi.condition().isEmpty() || !semi.condition().get().deterministic()) {
                return node;
            }
            LogicalPlan left = semi.left();
            Project select = null;
            if (left instanceof Project p && p.projectList().stream().allMatch(e -> e instanceof AttributeReference)) {
                select = p;
                left = p.child();
            }
            if (!(left instanceof Join inner) || inner.joinType() != JoinType.INNER) {
                return node;
            }
            Set<ExprId> fromLeft = new HashSet<>(Aliases.ids(semi.left().output()));
            Set<ExprId> reads = new HashSet<>();
            semi.condition().get().references().forEach(r -> {
                if (fromLeft.contains(r.exprId())) reads.add(r.exprId());
            });
            LogicalPlan pushed;
            if (Aliases.ids(inner.left().output()).containsAll(reads)) {
                pushed = new Join(new Join(inner.left(), semi.right(), semi.joinType(), semi.condition()), inner.right(),
                        JoinType.INNER, inner.condition());
            } else if (Aliases.ids(inner.right().output()).containsAll(reads)) {
                pushed = new Join(inner.left(), new Join(inner.right(), semi.right(), semi.joinType(), semi.condition()),
                        JoinType.INNER, inner.condition());
            } else {
                return node;
            }
            return select == null ? pushed : new Project(select.projectList(), pushed);
        });
    }
}
