package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/** Column {@code ordinal} of the input batch: what an attribute becomes at execution. */
public final class BoundReference extends Expression {
    private static final long serialVersionUID = 1L;

    private final int ordinal;
    private final DataType dataType;
    private final boolean nullable;

    public BoundReference(int ordinal, DataType dataType, boolean nullable) {
        this.ordinal = ordinal;
        this.dataType = dataType;
        this.nullable = nullable;
    }

    public int ordinal() {
        return ordinal;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        return batch.column(ordinal);
    }

    @Override
    public String sql() {
        return "input[" + ordinal + "]";
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
        return List.of(ordinal, dataType, nullable);
    }
}
