package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.plans.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/** Questions about subqueries and outer references that the analyzer, optimizer and API share. Stateless. */
public final class Subqueries {
    private Subqueries() {}

    /** True if {@code e} holds a subquery anywhere in its tree. */
    public static boolean hasSubquery(Expression e) {
        return e.exists(x -> x instanceof SubqueryExpression);
    }

    /** True if any expression of any node of {@code plan} reads the outer query (resolved or not). */
    public static boolean hasOuterReferences(LogicalPlan plan) {
        return plan.exists(node -> node.expressions().stream().anyMatch(Subqueries::hasOuterReference));
    }

    /** True if {@code e} reads the outer query (an outer reference, resolved or not). */
    public static boolean hasOuterReference(Expression e) {
        return e.exists(x -> x instanceof OuterReference || x instanceof UnresolvedOuterReference);
    }

    /** The outer query's columns that {@code plan}'s operators read, in order of appearance, once each. */
    public static List<AttributeReference> outerAttributes(LogicalPlan plan) {
        List<AttributeReference> out = new ArrayList<>();
        plan.foreach(node -> {
            for (Expression e : node.expressions()) {
                e.foreach(x -> {
                    if (x instanceof OuterReference o && out.stream().noneMatch(a -> a.sameColumn(o.attribute()))) {
                        out.add(o.attribute());
                    }
                });
            }
        });
        return out;
    }

    /** {@code e} with every outer reference replaced by the attribute it reads. */
    public static Expression stripOuter(Expression e) {
        return e.transformUp(x -> x instanceof OuterReference o ? o.attribute() : x);
    }

    /**
     * {@code e} with every column name marked as the outer query's ({@code Column.outer()}):
     * unresolved names become {@link UnresolvedOuterReference}s, resolved columns {@link OuterReference}s.
     */
    public static Expression markOuter(Expression e) {
        return e.transformUp(x -> {
            if (x instanceof UnresolvedAttribute u) {
                return new UnresolvedOuterReference(u.nameParts());
            }
            if (x instanceof AttributeReference a) {
                return new OuterReference(a);
            }
            return x;
        });
    }
}
