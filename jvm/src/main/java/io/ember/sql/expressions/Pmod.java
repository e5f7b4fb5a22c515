package io.ember.sql.expressions;

import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;

/** {@code pmod(a, b)}: the remainder made non-negative for a positive divisor; zero divisor gives null. */
public final class Pmod extends BinaryArithmetic {
    private static final long serialVersionUID = 1L;

    public Pmod(Expression left, Expression right) {
        super(left, right);
    }

    @Override
    public String symbol() {
        return "pmod";
    }

    @Override
    public String sql() {
        return "pmod(" + left.sql() + ", " + right.sql() + ")";
    }

    @Override
    protected void ints(int[] a, int[] b, int[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) { nulls.set(i); continue; }
            int r = a[i] % b[i];
            out[i] = r < 0 ? (r + b[i]) % b[i] : r;
        }
    }

    @Override
    protected void longs(long[] a, long[] b, long[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) { nulls.set(i); continue; }
            long r = a[i] % b[i];
            out[i] = r < 0 ? (r + b[i]) % b[i] : r;
        }
    }

    @Override
    protected void floats(float[] a, float[] b, float[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) { nulls.set(i); continue; }
            float r = a[i] % b[i];
            out[i] = r < 0 ? (r + b[i]) % b[i] : r;
        }
    }

    @Override
    protected void doubles(double[] a, double[] b, double[] out, int n, NullMask nulls) {
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) { nulls.set(i); continue; }
            double r = a[i] % b[i];
            out[i] = r < 0 ? (r + b[i]) % b[i] : r;
        }
    }

    @Override
    protected BigDecimal decimal(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        BigDecimal r = a.remainder(b);
        return r.signum() < 0 ? r.add(b).remainder(b) : r;
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
    public Pmod withOperands(Expression l, Expression r) {
        return new Pmod(l, r);
    }
}
