package io.ember.sql.expressions;

import java.util.List;

/**
 * {@code ORDER BY 2} or {@code GROUP BY 1} in SQL text: the n-th (from 1) entry of the select
 * list, which the analyzer substitutes ({@code SubstituteOrdinals}). The DataFrame API never
 * builds one: there a literal sorts by the literal, as in Spark.
 */
public final class UnresolvedOrdinal extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final int ordinal;

    public UnresolvedOrdinal(int ordinal) {
        this.ordinal = ordinal;
    }

    public int ordinal() {
        return ordinal;
    }

    @Override
    public String sql() {
        return String.valueOf(ordinal);
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
        return List.of(ordinal);
    }
}
