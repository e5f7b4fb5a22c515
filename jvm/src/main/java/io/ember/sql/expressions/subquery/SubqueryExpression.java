package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/**
 * An expression that holds a whole query ({@code (SELECT max(x) FROM t)}, {@code EXISTS (...)},
 * {@code a IN (SELECT ...)}). The plan is not a child expression: the analyzer resolves it as a
 * plan (with references to the outer query marked), and optimizer rules rewrite the expression
 * into a join, so it is never evaluated.
 */
public abstract class SubqueryExpression extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final LogicalPlan plan;

    protected SubqueryExpression(LogicalPlan plan) {
        this.plan = plan;
    }

    public final LogicalPlan plan() {
        return plan;
    }

    /** This expression over another (resolved or rewritten) query. */
    public abstract SubqueryExpression withPlan(LogicalPlan newPlan);

    /** The outer query's columns the plan reads, as {@code a, b} (Spark names a correlated subquery after them). */
    protected final String outerNames() {
        StringBuilder b = new StringBuilder();
        for (io.ember.sql.expressions.AttributeReference a : Subqueries.outerAttributes(plan)) {
            b.append(b.isEmpty() ? "" : ", ").append(a.sql());
        }
        return b.toString();
    }

    /** True if the plan reads columns of the query it sits in. */
    public final boolean correlated() {
        return Subqueries.hasOuterReferences(plan);
    }

    /** No child expressions by default: the plan is held apart (see the class comment). */
    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(plan);
    }

    @Override
    protected boolean computeResolved() {
        return childrenResolved() && plan.resolved();
    }
}
