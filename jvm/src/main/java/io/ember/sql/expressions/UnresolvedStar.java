package io.ember.sql.expressions;

import java.util.List;

/** {@code *} (every column of the input) or {@code t.*} (every column of relation {@code t}). */
public final class UnresolvedStar extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final List<String> target;

    public UnresolvedStar(List<String> target) {
        this.target = List.copyOf(target);
    }

    /** Empty for a bare {@code *}. */
    public List<String> target() {
        return target;
    }

    @Override
    public String sql() {
        return target.isEmpty() ? "*" : String.join(".", target) + ".*";
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
        return List.of(target);
    }
}
