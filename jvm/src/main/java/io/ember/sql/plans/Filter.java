package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keeps the rows of {@code child} for which {@code condition} is true (not false, not null). */
public final class Filter extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final Expression condition;
    private final LogicalPlan child;

    public Filter(Expression condition, LogicalPlan child) {
        this.condition = condition;
        this.child = child;
    }

    public Expression condition() {
        return condition;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Filter(condition, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression c = f.apply(condition);
        return c == condition ? this : new Filter(c, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(condition);
    }
}
