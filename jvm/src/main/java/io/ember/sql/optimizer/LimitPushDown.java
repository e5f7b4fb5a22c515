package io.ember.sql.optimizer;

import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a limit below operators that cannot need more input rows than they output: into each
 * input of a union, below a select, and into the preserved side of a left or right outer join
 * (each of its rows gives at least one output row). The limit above stays. Adjacent limits
 * combine into the smaller one.
 */
final class LimitPushDown implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformDown(node -> {
            if (!(node instanceof Limit l)) {
                return node;
            }
            int n = l.limit();
            LogicalPlan c = l.child();
            if (c instanceof Limit inner) {
                return new Limit(Math.min(n, inner.limit()), inner.child());
            }
            if (c instanceof Union u) {
                List<LogicalPlan> kids = new ArrayList<>();
                for (LogicalPlan k : u.children()) {
                    kids.add(limited(k, n));
                }
                Union pushed = new Union(kids);
                return pushed.equals(u) ? node : new Limit(n, pushed);
            }
            if (c instanceof Project p && p.projectList().stream().allMatch(e -> e.deterministic())) {
                return new Project(p.projectList(), new Limit(n, p.child()));
            }
            if (c instanceof Join j && j.joinType() == JoinType.LEFT_OUTER && !isLimited(j.left(), n)) {
                return new Limit(n, new Join(limited(j.left(), n), j.right(), j.joinType(), j.condition()));
            }
            if (c instanceof Join j && j.joinType() == JoinType.RIGHT_OUTER && !isLimited(j.right(), n)) {
                return new Limit(n, new Join(j.left(), limited(j.right(), n), j.joinType(), j.condition()));
            }
            return node;
        });
    }

    private static boolean isLimited(LogicalPlan p, int n) {
        return p instanceof Limit l && l.limit() <= n;
    }

    private static LogicalPlan limited(LogicalPlan p, int n) {
        return isLimited(p, n) ? p : new Limit(n, p);
    }
}
