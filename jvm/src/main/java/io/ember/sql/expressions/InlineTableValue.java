package io.ember.sql.expressions;

import java.util.List;

/**
 * A value of a {@code VALUES} row before analysis, with the text the user wrote: the analyzer's
 * {@code ResolveInlineTableValues} replaces it by the value once resolved, or refuses a value
 * that cannot be evaluated once for the table (not deterministic, {@code rand()}) as Spark does.
 * Unresolved until then, so nothing above it resolves early. Immutable.
 */
public final class InlineTableValue extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression value;
    private final String text;

    public InlineTableValue(Expression value, String text) {
        this.value = value;
        this.text = text;
    }

    public Expression value() {
        return value;
    }

    /** The value as written ({@code rand()}), for the error message. */
    public String text() {
        return text;
    }

    @Override
    public String sql() {
        return value.sql();
    }

    @Override
    public List<Expression> children() {
        return List.of(value);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new InlineTableValue(newChildren.get(0), text);
    }

    @Override
    protected List<Object> args() {
        return List.of(text);
    }
}
