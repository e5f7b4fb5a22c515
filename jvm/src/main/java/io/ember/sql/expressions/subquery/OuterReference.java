package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * A column of the outer query read inside a subquery's plan ({@code t.k} in
 * {@code EXISTS (SELECT 1 FROM s WHERE s.k = t.k)}). The attribute is an argument, not a child,
 * so the subquery's own operators do not count it among their inputs; the optimizer turns the
 * predicate holding it into a join condition, after which it is a plain attribute again.
 */
public final class OuterReference extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final AttributeReference attribute;

    public OuterReference(AttributeReference attribute) {
        this.attribute = attribute;
    }

    public AttributeReference attribute() {
        return attribute;
    }

    @Override
    public DataType dataType() {
        return attribute.dataType();
    }

    @Override
    public boolean nullable() {
        return attribute.nullable();
    }

    @Override
    public String sql() {
        return "outer(" + attribute.sql() + ")";
    }

    @Override
    public String simpleString() {
        return "outer(" + attribute.simpleString() + ")";
    }

    @Override
    public String toString() {
        return simpleString();
    }

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
        return List.of(attribute);
    }
}
