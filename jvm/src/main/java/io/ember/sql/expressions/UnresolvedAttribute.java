package io.ember.sql.expressions;

import java.util.List;

/**
 * A column named by the user: {@code a}, {@code t.a} or {@code s.field}. {@code planId}, when
 * not -1, says which DataFrame the name was taken from ({@code df["a"]}), so that a name shared
 * by both sides of a join resolves to the right one.
 */
public final class UnresolvedAttribute extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final List<String> nameParts;
    private final long planId;

    public UnresolvedAttribute(List<String> nameParts, long planId) {
        this.nameParts = List.copyOf(nameParts);
        this.planId = planId;
    }

    public UnresolvedAttribute(String name) {
        this(List.of(name), -1);
    }

    public List<String> nameParts() {
        return nameParts;
    }

    public long planId() {
        return planId;
    }

    public String name() {
        return String.join(".", nameParts);
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder();
        for (String p : nameParts) {
            b.append(b.isEmpty() ? "" : ".").append(p.contains(".") ? "`" + p + "`" : p);
        }
        return b.toString();
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
        return List.of(nameParts, planId);
    }
}
