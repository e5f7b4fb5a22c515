package io.ember.sql.optimizer;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import io.ember.sql.plans.Aggregate;
import io.ember.sql.plans.Filter;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Project;
import io.ember.sql.plans.Repartition;
import io.ember.sql.plans.Sample;
import io.ember.sql.plans.Sort;
import io.ember.sql.plans.SubqueryAlias;
import io.ember.sql.plans.Union;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops columns nothing above needs: unused select and aggregate entries go, and a select of
 * only the needed columns is put over each leaf that has more (so a scan is asked for just
 * those: the planner hands a {@code ScanRelation} the columns of the select above it and of
 * the filters between). The plan's own output is never changed.
 */
final class ColumnPruning implements Rule<LogicalPlan> {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan pruned = prune(plan, Aliases.ids(plan.output()), true);
        return pruned.equals(plan) ? plan : pruned;
    }

    private LogicalPlan prune(LogicalPlan node, Set<ExprId> required, boolean underProject) {
        if (node instanceof Project p) {
            List<Expression> kept = new ArrayList<>();
            for (Expression e : p.projectList()) {
                if (required.contains(((NamedExpression) e).exprId())) {
                    kept.add(e);
                }
            }
            return new Project(kept, prune(p.child(), refs(kept), true));
        }
        if (node instanceof Aggregate a) {
            List<Expression> kept = new ArrayList<>();
            for (Expression e : a.aggregateExpressions()) {
                if (required.contains(((NamedExpression) e).exprId())) {
                    kept.add(e);
                }
            }
            if (kept.isEmpty()) {
                kept.add(a.aggregateExpressions().get(0));
            }
            Set<ExprId> need = refs(kept);
            need.addAll(refs(a.groupingExpressions()));
            return new Aggregate(a.groupingExpressions(), kept, prune(a.child(), need, false));
        }
        if (node instanceof Filter && filtersOverLeaf(node)) {
            return underProject ? node : selectNeeded(node, required);
        }
        if (node instanceof Filter || node instanceof Sort) {
            Set<ExprId> need = new HashSet<>(required);
            need.addAll(refs(node.expressions()));
            return ((io.ember.sql.plans.UnaryNode) node).withChild(prune(node.children().get(0), need, false));
        }
        if (node instanceof Limit || node instanceof SubqueryAlias) {
            return ((io.ember.sql.plans.UnaryNode) node).withChild(prune(node.children().get(0), required, underProject));
        }
        if (node instanceof Join j) {
            Set<ExprId> need = new HashSet<>(required);
            need.addAll(refs(j.expressions()));
            return new Join(prune(j.left(), need, false), prune(j.right(), need, false), j.joinType(), j.condition());
        }
        if (node instanceof Union u) {
            return pruneUnion(u, required);
        }
        if (node instanceof LeafNode) {
            return underProject ? node : selectNeeded(node, required);
        }
        if (node instanceof io.ember.sql.plans.Expand e) {
            return e.withChild(prune(e.child(), refs(e.expressions()), false));
        }
        if (node instanceof Sample || node instanceof Repartition || node instanceof Offset) {
            Set<ExprId> need = new HashSet<>(required);
            need.addAll(refs(node.expressions()));
            return ((io.ember.sql.plans.UnaryNode) node).withChild(prune(node.children().get(0), need, false));
        }
        return node.mapChildren(c -> prune(c, Aliases.ids(c.output()), true));
    }

    /** {@code node} under a select of the required columns, if it has others. */
    private static LogicalPlan selectNeeded(LogicalPlan node, Set<ExprId> required) {
        List<AttributeReference> needed = node.output().stream().filter(a -> required.contains(a.exprId())).toList();
        return needed.size() < node.output().size() ? new Project(needed, node) : node;
    }

    /**
     * Filters straight over a leaf read it like a scan with pushed filters: the needed columns
     * are selected above them, not between them and the leaf (where filter push-down would move
     * them back above the select).
     */
    private static boolean filtersOverLeaf(LogicalPlan node) {
        LogicalPlan n = node;
        while (n instanceof Filter f) {
            n = f.child();
        }
        return n instanceof LeafNode;
    }

    /** Keeps the same positions in every input of a union. */
    private LogicalPlan pruneUnion(Union u, Set<ExprId> required) {
        List<AttributeReference> out = u.output();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            if (required.contains(out.get(i).exprId())) {
                positions.add(i);
            }
        }
        if (positions.isEmpty()) {
            positions.add(0);
        }
        List<LogicalPlan> kids = new ArrayList<>();
        for (LogicalPlan c : u.children()) {
            List<AttributeReference> cols = positions.stream().map(i -> c.output().get(i)).toList();
            LogicalPlan child = cols.size() < c.output().size() ? new Project(cols, c) : c;
            kids.add(prune(child, Aliases.ids(cols), false));
        }
        return new Union(kids);
    }

    private static Set<ExprId> refs(List<Expression> exprs) {
        Set<ExprId> ids = new HashSet<>();
        for (Expression e : exprs) {
            for (AttributeReference r : e.references()) {
                ids.add(r.exprId());
            }
        }
        return ids;
    }
}
