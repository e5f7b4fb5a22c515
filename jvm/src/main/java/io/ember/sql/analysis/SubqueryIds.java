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
 * Gives a subquery's plan column ids of its own when its leaves produce columns the outer
 * query also has ({@code df.alias("a")} outside, {@code df.alias("b")} inside): each such leaf
 * is put under a select that re-aliases its columns, and every reference above it (including
 * outer references of subqueries nested in it) is re-pointed. Without this, a correlated
 * predicate {@code b.k = outer(a.k)} would compare a column with itself once it became a join
 * condition. Stateless.
 */
final class SubqueryIds {
    private SubqueryIds() {}

    /** {@code plan}, or a copy whose leaves' columns share no id with {@code outer}. */
    static LogicalPlan distinctFrom(LogicalPlan plan, List<AttributeReference> outer) {
        Set<ExprId> outerIds = new HashSet<>();
        outer.forEach(a -> outerIds.add(a.exprId()));
        boolean clash = plan.exists(n -> n.children().isEmpty() && n.resolved()
                && n.output().stream().anyMatch(a -> outerIds.contains(a.exprId())));
        if (!clash) {
            return plan;
        }
        Map<ExprId, AttributeReference> renewed = new HashMap<>();
        return plan.transformUp(node -> {
            LogicalPlan n = node.mapExpressions(e -> repoint(e, renewed));
            if (!n.children().isEmpty() || !n.resolved() || n.output().stream().noneMatch(a -> outerIds.contains(a.exprId()))) {
                return n;
            }
            List<Expression> list = new ArrayList<>();
            for (AttributeReference a : n.output()) {
                Alias fresh = new Alias(a, a.name());
                renewed.put(a.exprId(), fresh.toAttribute());
                list.add(fresh);
            }
            return new Project(list, n);
        });
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
