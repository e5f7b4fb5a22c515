package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Computes {@code windowExpressions} (named {@code WindowExpression}s sharing one partitioning
 * and ordering) for every row of {@code child}; the output is the child's columns followed by
 * one column per window expression.
 */
public final class Window extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<NamedExpression> windowExpressions;
    private final LogicalPlan child;

    public Window(List<? extends NamedExpression> windowExpressions, LogicalPlan child) {
        this.windowExpressions = List.copyOf(windowExpressions);
        this.child = child;
    }

    public List<NamedExpression> windowExpressions() {
        return windowExpressions;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Window(windowExpressions, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(child.output());
        for (NamedExpression e : windowExpressions) {
            out.add(e.toAttribute());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(windowExpressions);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<NamedExpression> mapped = mapAll(windowExpressions, f);
        return mapped == null ? this : new Window(mapped, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(windowExpressions);
    }
}
