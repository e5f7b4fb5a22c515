package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedExpression;
import java.util.List;

/**
 * A name the user marked as the outer query's ({@code col("t.k").outer()}): the analyzer
 * resolves it only against the query the subquery sits in, never against the subquery's own
 * columns, and replaces it with an {@link OuterReference}.
 */
public final class UnresolvedOuterReference extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final List<String> nameParts;

    public UnresolvedOuterReference(List<String> nameParts) {
        this.nameParts = List.copyOf(nameParts);
    }

    public List<String> nameParts() {
        return nameParts;
    }

    @Override
    public String sql() {
        return "outer(" + String.join(".", nameParts) + ")";
    }

    @Override
    public String simpleString() {
        return "'" + sql();
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
        return List.of(nameParts);
    }
}
