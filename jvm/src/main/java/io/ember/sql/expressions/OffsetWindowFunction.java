package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;

/**
 * {@code lag(input, offset, default)} and {@code lead(...)}: the input's value {@code offset}
 * rows before (lag) or after (lead) the current row in the partition, or {@code default}
 * (evaluated per row; null when absent) past the partition's edge.
 */
public final class OffsetWindowFunction extends WindowFunction {
    private static final long serialVersionUID = 1L;

    private final Expression input;
    private final int offset;
    private final Expression defaultValue;
    private final boolean lead;

    public OffsetWindowFunction(Expression input, int offset, Expression defaultValue, boolean lead) {
        this.input = input;
        this.offset = offset;
        this.defaultValue = defaultValue;
        this.lead = lead;
    }

    @Override
    public ColumnVector evaluate(Partition p) {
        int n = p.numRows();
        ColumnVector values = input.eval(p.rows());
        ColumnVector defaults = defaultValue == null ? null : defaultValue.eval(p.rows());
        ColumnVector out = ColumnVectors.allocate(input.dataType(), n);
        int shift = lead ? offset : -offset;
        for (int i = 0; i < n; i++) {
            int j = i + shift;
            Object v = j >= 0 && j < n ? values.get(j) : defaults == null ? null : defaults.get(i);
            ColumnVectors.set(out, i, v);
        }
        return out;
    }

    @Override
    public DataType dataType() {
        return input.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String sql() {
        return (lead ? "lead(" : "lag(") + input.sql() + ", " + offset + ", "
                + (defaultValue == null ? "NULL" : defaultValue.sql()) + ")";
    }

    @Override
    public List<Expression> children() {
        return defaultValue == null ? List.of(input) : List.of(input, defaultValue);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new OffsetWindowFunction(c.get(0), offset, c.size() > 1 ? c.get(1) : null, lead);
    }

    @Override
    protected List<Object> args() {
        return List.of(offset, lead);
    }
}
