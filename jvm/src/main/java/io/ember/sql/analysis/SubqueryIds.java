package io.ember.sql.analysis;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.OuterReference;
import io.ember.sql.expressions.subquery.SubqueryExpression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Project;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a subquery's plan column ids of its own when it produces columns the outer query also
 * has ({@code df.alias("a")} outside, {@code df.alias("b")} inside, or one temporary view on
 * both sides): each such part is put under a select that re-aliases its columns, and every
 * reference above it (including outer references of subqueries nested in it) is re-pointed. Without this, a correlated
 * predicate {@code b.k = outer(a.k)} would compare a column with itself once it became a join
 * condition. Renewing is idempotent: a select this made is recognised on the next call and kept
 * (the resolution batch calls this on every pass, and a pass that made fresh ids again would never
 * reach its fixed point: the batch ran its 100 passes, ~0.1 s for TPC-H q2). Stateless.
 */
final class SubqueryIds {
    private SubqueryIds() {}

    /** {@code plan}, or a copy whose columns share no id with {@code outer} above the point they are made. */
    static LogicalPlan distinctFrom(LogicalPlan plan, List<AttributeReference> outer) {
        Set<ExprId> outerIds = new HashSet<>();
        outer.forEach(a -> outerIds.add(a.exprId()));
        if (!plan.exists(n -> clashes(n, outerIds))) {
            return plan;
        }
        return renew(plan, outerIds, new HashMap<>());
    }

    /**
     * The highest nodes that output an outer column's id and read no outer column get a select
     * of fresh aliases above them (a view or DataFrame used inside and out makes its columns in
     * a select deep inside, not at a leaf, so leaves alone are not enough); the nodes above are
     * re-pointed to the fresh ids. A node reading outer columns (a correlated filter) is kept and
     * its children renewed, so its outer references still tell the two sides apart.
     */
    private static LogicalPlan renew(LogicalPlan node, Set<ExprId> outerIds, Map<ExprId, AttributeReference> renewed) {
        if (renames(node, outerIds) && !readsOuter(node)) {
            return node;
        }
        if (clashes(node, outerIds) && !readsOuter(node)) {
            List<Expression> list = new ArrayList<>();
            for (AttributeReference a : node.output()) {
                Alias fresh = new Alias(a, a.name());
                renewed.put(a.exprId(), fresh.toAttribute());
                list.add(fresh);
            }
            return new Project(list, node);
        }
        LogicalPlan n = node.mapChildren(c -> renew(c, outerIds, renewed));
        return n.mapExpressions(e -> repoint(e, renewed));
    }

    private static boolean clashes(LogicalPlan n, Set<ExprId> outerIds) {
        return n.resolved() && n.output().stream().anyMatch(a -> outerIds.contains(a.exprId()));
    }

    /**
     * Whether {@code node} is a select of fresh aliases over a clashing child, as {@link #renew}
     * makes: each of the child's columns in order, under its own name, with an id not in {@code outerIds}.
     */
    private static boolean renames(LogicalPlan node, Set<ExprId> outerIds) {
        if (!(node instanceof Project p) || !clashes(p.child(), outerIds)) {
            return false;
        }
        List<AttributeReference> in = p.child().output();
        List<Expression> list = p.projectList();
        if (list.size() != in.size()) {
            return false;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Alias al) || !(al.child() instanceof AttributeReference a)
                    || !a.exprId().equals(in.get(i).exprId()) || !al.name().equals(a.name())
                    || outerIds.contains(al.exprId())) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsOuter(LogicalPlan plan) {
        return plan.exists(n -> n.expressions().stream().anyMatch(e -> e.exists(x -> x instanceof OuterReference)));
    }

    private static Expression repoint(Expression e, Map<ExprId, AttributeReference> renewed) {
        if (renewed.isEmpty()) {
            return e;
        }
        return e.transformUp(x -> {
            if (x instanceof AttributeReference a && renewed.containsKey(a.exprId())) {
                return renewed.get(a.exprId()).withName(a.name()).withQualifier(a.qualifier()).withNullability(a.nullable());
            }
            if (x instanceof SubqueryExpression s) {
                LogicalPlan p = s.plan().transformAllExpressions(y -> y instanceof OuterReference o
                        && renewed.containsKey(o.attribute().exprId())
                        ? new OuterReference(renewed.get(o.attribute().exprId()).withQualifier(o.attribute().qualifier()))
                        : y);
                return p == s.plan() ? s : s.withPlan(p);
            }
            return x;
        });
    }
}
