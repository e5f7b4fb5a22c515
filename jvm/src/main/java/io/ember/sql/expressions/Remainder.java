package io.ember.sql.expressions;

import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;

/** {@code (a % b)}: the remainder with the dividend's sign; a zero divisor gives null. */
public final class Remainder extends BinaryArithmetic {
    private static final long serialVersionUID = 1L;

    public Remainder(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "%";
    }

    @Override
    protected void ints(int[] a, int[] b, int[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] % b[i];
        }
    }

    @Override
    protected void longs(long[] a, long[] b, long[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] % b[i];
        }
    }

    @Override
    protected void floats(float[] a, float[] b, float[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] % b[i];
        }
    }

    @Override
    protected void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) nulls.set(i); else out[i] = a[i] % b[i];
        }
    }

    @Override
    protected BigDecimal decimal(BigDecimal a, BigDecimal b) {
        return b.signum() == 0 ? null : a.remainder(b);
    }

    @Override
    protected DecimalType decimalResult(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        return Decimals.adjust(Math.min(a.precision() - a.scale(), b.precision() - b.scale()) + scale, scale);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public Remainder withOperands(Expression l, Expression r) {
        return new Remainder(l, r);
    }
}
