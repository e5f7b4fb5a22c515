package io.ember.sql.analysis;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedExpression;
import java.util.List;

/**
 * {@code col[key]} before the type of {@code col} is known: a struct field when {@code col} is a
 * struct, an array item or a map value otherwise ({@link ResolveExtractValue} decides).
 */
public final class UnresolvedExtractValue extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final Expression key;

    public UnresolvedExtractValue(Expression child, Expression key) {
        this.child = child;
        this.key = key;
    }

    public Expression child() {
        return child;
    }

    public Expression key() {
        return key;
    }

    @Override
    public String sql() {
        return child.sql() + "[" + key.sql() + "]";
    }

    @Override
    public List<Expression> children() {
        return List.of(child, key);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new UnresolvedExtractValue(newChildren.get(0), newChildren.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
