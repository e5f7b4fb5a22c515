package io.ember.sql.expressions;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import java.math.BigDecimal;

/** {@code (a * b)}. */
public final class Multiply extends BinaryArithmetic {
    private static final long serialVersionUID = 1L;

    public Multiply(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "*";
    }

    @Override
    protected void ints(int[] a, int[] b, int[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    @Override
    protected void longs(long[] a, long[] b, long[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    @Override
    protected void floats(float[] a, float[] b, float[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    @Override
    protected void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
    }

    @Override
    protected BigDecimal decimal(BigDecimal a, BigDecimal b) {
        return a.multiply(b);
    }

    @Override
    protected long[] decimalLongs(ColumnVector l, ColumnVector r, DecimalType lt, DecimalType rt,
            DecimalType result, int n) {
        if (result.scale() != lt.scale() + rt.scale()) {
            return null;
        }
        long[] a = DecimalLongs.unscaledAt(l, lt.scale(), n);
        long[] b = a == null ? null : DecimalLongs.unscaledAt(r, rt.scale(), n);
        if (b == null) {
            return null;
        }
        if (DecimalLongs.magnitudeBits(a, n) + DecimalLongs.magnitudeBits(b, n) > 62) {
            return null;   // some product might not fit a long: the exact path decides
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = a[i] * b[i];
        return out;
    }

    @Override
    protected DecimalType decimalResult(DecimalType a, DecimalType b) {
        return Decimals.adjust(a.precision() + b.precision() + 1, a.scale() + b.scale());
    }

    @Override
    public Multiply withOperands(Expression l, Expression r) {
        return new Multiply(l, r);
    }
}
