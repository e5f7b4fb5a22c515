package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/** {@code (a AND b)} with three-valued logic: false wins over null, null over true. */
public final class And extends BinaryOperator {
    private static final long serialVersionUID = 1L;

    public And(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "AND";
    }

    @Override
    public InputType inputType() {
        return InputType.BOOLEAN;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        BooleanVector l = Vectors.booleans(left.eval(batch));
        BooleanVector r = Vectors.booleans(right.eval(batch));
        int n = batch.numRows();
        boolean[] out = new boolean[n];
        boolean[] a = l.values;
        boolean[] b = r.values;
        if (l.nulls == null && r.nulls == null) {
            for (int i = 0; i < n; i++) out[i] = a[i] & b[i];
            return new BooleanVector(DataTypes.BooleanType, out, null);
        }
        NullMask nulls = new NullMask(null, n);
        for (int i = 0; i < n; i++) {
            boolean ln = l.isNull(i);
            boolean rn = r.isNull(i);
            boolean lf = !ln && !a[i];
            boolean rf = !rn && !b[i];
            if (lf || rf) {
                out[i] = false;
            } else if (ln || rn) {
                nulls.set(i);
            } else {
                out[i] = true;
            }
        }
        return new BooleanVector(DataTypes.BooleanType, out, nulls.mask());
    }

    @Override
    public And withOperands(Expression l, Expression r) {
        return new And(l, r);
    }
}
