package io.ember.sql.optimizer;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Statistics;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Orders a chain of three or more inner joins greedily by estimated size: start from the
 * smallest input, then repeatedly join the smallest input connected to what is joined so far by
 * a condition (any input if none is), attaching each condition as soon as its columns are
 * available. Estimates are row counts where the statistics know them, bytes otherwise. A select
 * on top keeps the original column order.
 */
final class ReorderJoins implements Rule<LogicalPlan> {
    private final Predicates p;

    ReorderJoins(Predicates p) {
        this.p = p;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        if (!p.hasAnd()) {
            return plan;
        }
        return plan.transformDown(node -> node instanceof Join j && j.joinType() == JoinType.INNER ? reorder(j) : node);
    }

    private LogicalPlan reorder(Join root) {
        List<LogicalPlan> items = new ArrayList<>();
        List<Expression> conds = new ArrayList<>();
        flatten(root, items, conds);
        if (items.size() < 3) {
            return root;
        }
        List<LogicalPlan> remaining = new ArrayList<>(items);
        LogicalPlan current = smallest(remaining, remaining);
        remaining.remove(current);
        List<Expression> pending = new ArrayList<>(conds);
        while (!remaining.isEmpty()) {
            Set<ExprId> have = Aliases.ids(current.output());
            List<LogicalPlan> connected = new ArrayList<>();
            for (LogicalPlan r : remaining) {
                Set<ExprId> both = new HashSet<>(have);
                both.addAll(Aliases.ids(r.output()));
                if (pending.stream().anyMatch(c -> Aliases.readsOnly(c, both) && !Aliases.readsOnly(c, have))) {
                    connected.add(r);
                }
            }
            LogicalPlan next = smallest(connected.isEmpty() ? remaining : connected, remaining);
            remaining.remove(next);
            Set<ExprId> now = new HashSet<>(have);
            now.addAll(Aliases.ids(next.output()));
            List<Expression> usable = pending.stream().filter(c -> Aliases.readsOnly(c, now)).toList();
            pending.removeAll(usable);
            current = new Join(current, next, JoinType.INNER, p.conjunction(usable));
        }
        if (!pending.isEmpty()) {
            current = new io.ember.sql.plans.Filter(p.conjunction(pending).get(), current);
        }
        if (current.equals(root)) {
            return root;
        }
        return current.output().equals(root.output()) ? current : new Project(root.output(), current);
    }

    private void flatten(LogicalPlan node, List<LogicalPlan> items, List<Expression> conds) {
        if (node instanceof Join j && j.joinType() == JoinType.INNER) {
            flatten(j.left(), items, conds);
            flatten(j.right(), items, conds);
            j.condition().ifPresent(c -> conds.addAll(p.splitConjuncts(c)));
        } else {
            items.add(node);
        }
    }

    private static LogicalPlan smallest(List<LogicalPlan> among, List<LogicalPlan> order) {
        LogicalPlan best = null;
        for (LogicalPlan c : among) {
            if (best == null || estimate(c) < estimate(best)) {
                best = c;
            }
        }
        return best;
    }

    static long estimate(LogicalPlan plan) {
        Statistics s = plan.stats();
        return s.rowCount() != null ? s.rowCount() : s.sizeInBytes();
    }
}
