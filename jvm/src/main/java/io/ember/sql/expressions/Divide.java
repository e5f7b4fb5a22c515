package io.ember.sql.expressions;

import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code (a / b)} over doubles or decimals (coercion casts other numbers to double, so
 * {@code int / int} is a double). A zero divisor gives null.
 */
public final class Divide extends BinaryArithmetic {
    private static final long serialVersionUID = 1L;

    public Divide(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "/";
    }

    @Override
    public InputType inputType() {
        return InputType.oneOf(InputType.DOUBLE, InputType.DECIMAL);
    }

    @Override
    protected void ints(int[] a, int[] b, int[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] / b[i];
        }
    }

    @Override
    protected void longs(long[] a, long[] b, long[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] / b[i];
        }
    }

    @Override
    protected void floats(float[] a, float[] b, float[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] / b[i];
        }
    }

    @Override
    protected void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] / b[i];
        }
    }

    @Override
    protected BigDecimal decimal(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.divide(b, DecimalType.MAX_SCALE, RoundingMode.HALF_UP);
    }

    @Override
    protected DecimalType decimalResult(DecimalType a, DecimalType b) {
        int scale = Math.max(6, a.scale() + b.precision() + 1);
        int intDigits = a.precision() - a.scale() + b.scale();
        return Decimals.adjust(intDigits + scale, scale);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public Divide withOperands(Expression l, Expression r) {
        return new Divide(l, r);
    }

    /** True for the operand types Divide computes in (others are cast to double first). */
    public static boolean computesIn(io.ember.sql.types.DataType t) {
        return t.equals(DataTypes.DoubleType) || t instanceof DecimalType;
    }
}
