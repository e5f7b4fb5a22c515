package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** {@code (a div b)}: the quotient truncated toward zero, a bigint; coercion makes integral operands bigint. */
public final class IntegralDivide extends BinaryOperator {
    private static final long serialVersionUID = 1L;

    public IntegralDivide(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "div";
    }

    @Override
    public InputType inputType() {
        return InputType.oneOf(InputType.LONG, InputType.DECIMAL);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (left.dataType() instanceof io.ember.sql.types.DecimalType && right.dataType() instanceof io.ember.sql.types.DecimalType) {
            return TypeCheckResult.success();
        }
        return super.checkInputDataTypes();
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector l = left.eval(batch);
        ColumnVector r = right.eval(batch);
        int n = batch.numRows();
        NullMask nulls = new NullMask(Vectors.union(Vectors.nulls(l), Vectors.nulls(r)), n);
        long[] out = new long[n];
        if (DataTypes.isLongBacked(left.dataType())) {
            long[] a = Vectors.longs(l).values;
            long[] b = Vectors.longs(r).values;
            for (int i = 0; i < n; i++) {
                if (b[i] == 0) nulls.set(i); else out[i] = a[i] / b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                BigDecimal a = (BigDecimal) l.get(i);
                BigDecimal b = (BigDecimal) r.get(i);
                if (a == null || b == null || b.signum() == 0) {
                    nulls.set(i);
                } else {
                    out[i] = a.divide(b, 0, RoundingMode.DOWN).longValue();
                }
            }
        }
        return new LongVector(DataTypes.LongType, out, nulls.mask());
    }

    @Override
    public IntegralDivide withOperands(Expression l, Expression r) {
        return new IntegralDivide(l, r);
    }
}
