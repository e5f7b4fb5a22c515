package io.ember.sql.expressions;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import java.math.BigDecimal;

/** {@code (a - b)}. */
public final class Subtract extends BinaryArithmetic {
    private static final long serialVersionUID = 1L;

    public Subtract(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public InputType inputType() {
        return InputType.NUMERIC_OR_INTERVAL;
    }

    @Override
    public String symbol() {
        return "-";
    }

    @Override
    protected void ints(int[] a, int[] b, int[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
    }

    @Override
    protected void longs(long[] a, long[] b, long[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
    }

    @Override
    protected void floats(float[] a, float[] b, float[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
    }

    @Override
    protected void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
    }

    @Override
    protected BigDecimal decimal(BigDecimal a, BigDecimal b) {
        return a.subtract(b);
    }

    @Override
    protected long[] decimalLongs(ColumnVector l, ColumnVector r, DecimalType lt, DecimalType rt,
            DecimalType result, int n) {
        return DecimalLongs.addAt(l, r, lt, rt, result.scale(), n, true);
    }

    @Override
    protected DecimalType decimalResult(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return Decimals.adjust(range + scale + 1, scale);
    }

    @Override
    public Subtract withOperands(Expression l, Expression r) {
        return new Subtract(l, r);
    }
}
