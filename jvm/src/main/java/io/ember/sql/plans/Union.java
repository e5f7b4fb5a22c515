package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code UNION ALL} of children with the same number of columns, matched by position; the
 * output takes the first child's names, and a column is nullable if it is in any child.
 */
public final class Union extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    private final List<LogicalPlan> children;

    public Union(List<LogicalPlan> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> first = children.get(0).output();
        List<AttributeReference> out = new ArrayList<>(first.size());
        for (int i = 0; i < first.size(); i++) {
            boolean nullable = false;
            for (LogicalPlan c : children) {
                nullable |= c.output().get(i).nullable();
            }
            out.add(first.get(i).withNullability(nullable));
        }
        return out;
    }

    @Override
    public List<LogicalPlan> children() {
        return children;
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
        return new Union(newChildren);
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }

    @Override
    public Statistics stats() {
        long size = 0;
        for (LogicalPlan c : children) {
            size = Statistics.saturatingAdd(size, c.stats().sizeInBytes());
        }
        return new Statistics(size, null);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
