package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code dropDuplicates(keys)}: one row (the first met) per distinct value of {@code keys}. */
public final class Deduplicate extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<AttributeReference> keys;
    private final LogicalPlan child;

    public Deduplicate(List<AttributeReference> keys, LogicalPlan child) {
        this.keys = List.copyOf(keys);
        this.child = child;
    }

    public List<AttributeReference> keys() {
        return keys;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Deduplicate(keys, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return List.copyOf(keys);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<AttributeReference> mapped = mapAll(keys, f);
        return mapped == null ? this : new Deduplicate(mapped, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(keys);
    }
}
