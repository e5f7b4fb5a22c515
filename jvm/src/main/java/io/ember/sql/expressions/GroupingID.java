package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code grouping_id(cols...)}: the grouping set's id, a bigint whose bit {@code n-1-i} is set when
 * the set leaves grouping column i out. Without arguments it means all grouping columns; with
 * arguments they must be exactly the grouping columns, in order (Spark's
 * {@code GROUPING_ID_COLUMN_MISMATCH}). Replaced by the grouping id column during analysis.
 */
public final class GroupingID extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final List<Expression> children;

    public GroupingID(List<? extends Expression> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        return "grouping_id(" + String.join(", ", children.stream().map(Expression::sql).toList()) + ")";
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new GroupingID(c);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
