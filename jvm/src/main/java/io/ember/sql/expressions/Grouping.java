package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code grouping(col)}: 1 in the rows of a grouping set that leaves {@code col} out, else 0
 * (a tinyint). Only meaningful over GROUPING SETS / ROLLUP / CUBE: the analyzer's
 * ResolveGroupingAnalytics replaces it with a {@link GroupingBit} of the grouping id, and
 * refuses it anywhere else ({@code UNSUPPORTED_GROUPING_EXPRESSION}).
 */
public final class Grouping extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final Expression child;

    public Grouping(Expression child) {
        this.child = child;
    }

    public Expression child() {
        return child;
    }

    @Override
    public DataType dataType() {
        return DataTypes.ByteType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        return "grouping(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Grouping(c.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
