package io.ember.sql.expressions;

import java.util.List;

/**
 * {@code df.colRegex("`re`")}: every input column whose whole name matches {@code pattern}
 * (case-insensitively unless {@code spark.sql.caseSensitive}), restricted to the columns
 * qualified by {@code table} when one is given ({@code t.`re`}). Expanded like a star in a
 * select or aggregate list; a regex that matches nothing selects nothing, as in Spark.
 */
public final class UnresolvedRegex extends UnresolvedExpression {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String table;

    public UnresolvedRegex(String pattern, String table) {
        this.pattern = pattern;
        this.table = table;
    }

    public String pattern() {
        return pattern;
    }

    /** The qualifier the columns must carry, or null for any column. */
    public String table() {
        return table;
    }

    @Override
    public String sql() {
        return "unresolvedregex()";
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
        return table == null ? List.of(pattern) : List.of(pattern, table);
    }
}
