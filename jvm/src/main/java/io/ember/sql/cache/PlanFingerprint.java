package io.ember.sql.cache;

import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LeafNode;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SubqueryAlias;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of an analyzed plan, by which the cache matches a query's fragments
 * against cached plans: expression ids renumbered in the order they first appear (walking
 * children before parents, expressions in order), attribute names, qualifiers and
 * nullability dropped, and subquery aliases removed. Two analyses of the same query (whose
 * aliases got fresh ids) thus compare equal. Leaves are kept as they are, so a fragment
 * matches only over the same relations (the same leaf objects or equal ones, with the same
 * column ids), which is what a Dataset built from a cached one has.
 */
public final class PlanFingerprint {
    private final Map<ExprId, ExprId> ids = new HashMap<>();

    private PlanFingerprint() {}

    /** The canonical plan of {@code plan}; compare two with {@code equals}. */
    public static LogicalPlan of(LogicalPlan plan) {
        return new PlanFingerprint().canonical(plan);
    }

    private LogicalPlan canonical(LogicalPlan plan) {
        return plan.transformUp(p -> {
            if (p instanceof SubqueryAlias s) {
                return s.child();
            }
            if (p instanceof LeafNode) {
                p.output().forEach(a -> number(a.exprId()));
                return p;
            }
            return p.mapExpressions(e -> e.transformUp(this::canonicalExpression));
        });
    }

    private Expression canonicalExpression(Expression e) {
        if (e instanceof AttributeReference a) {
            return new AttributeReference("", a.dataType(), true, number(a.exprId()), List.of());
        }
        if (e instanceof Alias a) {
            return new Alias(a.child(), a.name(), number(a.exprId()));
        }
        return e;
    }

    private ExprId number(ExprId id) {
        return ids.computeIfAbsent(id, k -> new ExprId(-1 - ids.size()));
    }
}
