package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import java.util.List;
import java.util.function.UnaryOperator;

/** Orders rows by {@code order}: across all partitions when {@code global}, else within each. */
public final class Sort extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<SortOrder> order;
    private final boolean global;
    private final LogicalPlan child;

    public Sort(List<SortOrder> order, boolean global, LogicalPlan child) {
        this.order = List.copyOf(order);
        this.global = global;
        this.child = child;
    }

    public List<SortOrder> order() {
        return order;
    }

    public boolean global() {
        return global;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Sort(order, global, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(order);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<SortOrder> mapped = mapAll(order, f);
        return mapped == null ? this : new Sort(mapped, global, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(order, global);
    }
}
