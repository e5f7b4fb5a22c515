package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import java.util.List;

/**
 * One key of an ordering: {@code child ASC NULLS FIRST}. Spark's defaults: ascending puts
 * nulls first, descending puts them last.
 */
public final class SortOrder extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean ascending;
    private final boolean nullsFirst;

    public SortOrder(Expression child, boolean ascending, boolean nullsFirst) {
        this.child = child;
        this.ascending = ascending;
        this.nullsFirst = nullsFirst;
    }

    public static SortOrder asc(Expression e) {
        return new SortOrder(e, true, true);
    }

    public static SortOrder desc(Expression e) {
        return new SortOrder(e, false, false);
    }

    public Expression child() {
        return child;
    }

    public boolean ascending() {
        return ascending;
    }

    public boolean nullsFirst() {
        return nullsFirst;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public String sql() {
        return child.sql() + (ascending ? " ASC" : " DESC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new SortOrder(newChildren.get(0), ascending, nullsFirst);
    }

    @Override
    protected List<Object> args() {
        return List.of(ascending, nullsFirst);
    }
}
