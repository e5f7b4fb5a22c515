package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/** {@code (a IS NOT NULL)}; never null. */
public final class IsNotNull extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    public IsNotNull(Expression child) {
        super(child);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public BooleanVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        int n = batch.numRows();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = !c.isNull(i);
        return new BooleanVector(DataTypes.BooleanType, out, null);
    }

    @Override
    public String sql() {
        return "(" + child.sql() + " IS NOT NULL)";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new IsNotNull(c);
    }
}
