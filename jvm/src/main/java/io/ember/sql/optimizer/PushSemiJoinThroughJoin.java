package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves a left semi or anti join below an inner join into the side whose columns its condition
 * reads, or below a left outer join into its left side, through any filters and selects of
 * columns in between, as Spark's {@code PushLeftSemiLeftAntiThroughJoin} does: {@code (orders
 * JOIN lineitem) LEFT SEMI JOIN big ON o_orderkey = k} becomes {@code (orders LEFT SEMI JOIN
 * big ON ...) JOIN lineitem}, so the rows an {@code IN} subquery removes are removed before the
 * larger join. A join keeps or drops a left row's matches as a whole (a left outer join keeps
 * every left row), and a deterministic filter or select acts row by row, so filtering that side
 * first gives the same rows.
 *
 * <p>Unlike Spark's rule, it does not push below an inner join that {@link Cardinality} expects
 * to keep fewer rows than the side the semi join would move into: TPC-H's q21 keeps lineitem
 * rows whose supplier is in one nation (one in 25) and then tests two EXISTS-style conditions on
 * them; pushed below that join, the tests would run (and shuffle) all of lineitem.
 */
final class PushSemiJoinThroughJoin implements Rule<LogicalPlan> {
    private final Cardinality cardinality;

    PushSemiJoinThroughJoin(Predicates p) {
        this.cardinality = new Cardinality(p);
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(node -> node instanceof Join semi
                && (semi.joinType() == JoinType.LEFT_SEMI || semi.joinType() == JoinType.LEFT_ANTI)
                && semi.condition().isPresent() && semi.condition().get().deterministic() ? push(semi) : node);
    }

    private LogicalPlan push(Join semi) {
        List<LogicalPlan> between = new ArrayList<>();   // filters and selects from the semi join down
        LogicalPlan node = semi.left();
        while (node instanceof Filter f && f.condition().deterministic()
                || node instanceof Project p && p.projectList().stream().allMatch(e -> e instanceof AttributeReference)) {
            between.add(node);
            node = node.children().get(0);
        }
        if (!(node instanceof Join inner) || (inner.joinType() != JoinType.INNER && inner.joinType() != JoinType.LEFT_OUTER)) {
            return semi;
        }
        Set<ExprId> fromLeft = Aliases.ids(semi.left().output());
        Set<ExprId> reads = new HashSet<>();
        semi.condition().get().references().forEach(r -> {
            if (fromLeft.contains(r.exprId())) reads.add(r.exprId());
        });
        LogicalPlan pushed;
        if (Aliases.ids(inner.left().output()).containsAll(reads)) {
            if (reduces(inner, inner.left())) {
                return semi;
            }
            pushed = new Join(new Join(inner.left(), semi.right(), semi.joinType(), semi.condition()), inner.right(),
                    inner.joinType(), inner.condition());
        } else if (inner.joinType() == JoinType.INNER && Aliases.ids(inner.right().output()).containsAll(reads)) {
            if (reduces(inner, inner.right())) {
                return semi;
            }
            pushed = new Join(inner.left(), new Join(inner.right(), semi.right(), semi.joinType(), semi.condition()),
                    JoinType.INNER, inner.condition());
        } else {
            return semi;
        }
        for (int i = between.size() - 1; i >= 0; i--) {
            LogicalPlan w = between.get(i);
            pushed = w instanceof Filter f ? new Filter(f.condition(), pushed) : new Project(((Project) w).projectList(), pushed);
        }
        return pushed;
    }

    /** Whether inner join {@code join} is expected to give fewer rows than its input {@code side}. */
    private boolean reduces(Join join, LogicalPlan side) {
        return join.joinType() == JoinType.INNER && cardinality.of(join).rows() < cardinality.of(side).rows();
    }
}
