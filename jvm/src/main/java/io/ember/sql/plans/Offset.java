package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** Skips the first {@code offset} rows of {@code child} (in its order, if it has one). */
public final class Offset extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final LogicalPlan child;

    public Offset(int offset, LogicalPlan child) {
        this.offset = offset;
        this.child = child;
    }

    public int offset() {
        return offset;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Offset(offset, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
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
    protected List<Object> args() {
        return List.of(offset);
    }
}
