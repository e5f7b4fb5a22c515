package io.ember.sql.expressions;

import java.util.List;

/**
 * {@code gen AS (a, b)} in a select list, or the column names of {@code LATERAL VIEW gen t AS
 * a, b}: names for each column a generator makes (none: the generator's own names), and the
 * table name that qualifies them ({@code t.a}; empty in a select list). It stays unresolved;
 * the analyzer's {@code ExtractGenerator} consumes it, and refuses it around anything but a
 * generator (Spark's MultiAlias).
 */
public final class MultiAlias extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final List<String> names;
    private final List<String> qualifier;

    public MultiAlias(Expression child, List<String> names, List<String> qualifier) {
        this.child = child;
        this.names = List.copyOf(names);
        this.qualifier = List.copyOf(qualifier);
    }

    public Expression child() {
        return child;
    }

    public List<String> names() {
        return names;
    }

    public List<String> qualifier() {
        return qualifier;
    }

    @Override
    public String sql() {
        return child.sql() + " AS (" + String.join(", ", names) + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new MultiAlias(newChildren.get(0), names, qualifier);
    }

    @Override
    protected List<Object> args() {
        return List.of(names, qualifier);
    }
}
