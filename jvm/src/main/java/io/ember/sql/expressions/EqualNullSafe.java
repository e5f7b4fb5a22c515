package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.Comparator;

/** {@code (a <=> b)}: equality where two nulls are equal and null equals nothing else; never null. */
public final class EqualNullSafe extends BinaryOperator {
    private static final long serialVersionUID = 1L;

    public EqualNullSafe(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "<=>";
    }

    @Override
    public InputType inputType() {
        return InputType.ORDERABLE;
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
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector l = left.eval(batch);
        ColumnVector r = right.eval(batch);
        int n = batch.numRows();
        boolean[] out = new boolean[n];
        Comparator<Object> c = SqlOrdering.forType(left.dataType().equals(DataTypes.NullType) ? DataTypes.IntegerType : left.dataType());
        for (int i = 0; i < n; i++) {
            boolean ln = l.isNull(i);
            boolean rn = r.isNull(i);
            out[i] = ln || rn ? ln && rn : c.compare(l.get(i), r.get(i)) == 0;
        }
        return new BooleanVector(DataTypes.BooleanType, out, null);
    }

    @Override
    public EqualNullSafe withOperands(Expression l, Expression r) {
        return new EqualNullSafe(l, r);
    }
}
