package io.ember.sql.expressions;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import java.math.BigDecimal;

/**
 * Decimal arithmetic on unscaled {@code long}s, the fast path of decimal kernels: a column is
 * read as unscaled values at a wanted scale when every value fits, and results that fit are
 * kept as a {@link DecimalVector}. Anything that does not fit returns null and the caller takes
 * the exact {@link BigDecimal} path, so answers never depend on which path ran. Stateless.
 */
public final class DecimalLongs {
    /** 10^i for i in 0..18, the powers a long holds. */
    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DecimalLongs() {}

    /**
     * Rows {@code 0..n-1} of a decimal column as unscaled longs at {@code scale} (null rows hold
     * any value), or null when a value would need rounding or more than a long. A compact column
     * already at that scale is returned as is, not copied.
     */
    public static long[] unscaledAt(ColumnVector v, int scale, int n) {
        if (v instanceof DecimalVector d) {
            if (d.scale() == scale) {
                return d.unscaled;
            }
            if (d.scale() > scale || scale - d.scale() >= POW10.length) {
                return null;
            }
            long f = POW10[scale - d.scale()];
            long[] in = d.unscaled;
            if (magnitudeBits(in, n) + 64 - Long.numberOfLeadingZeros(f) > 62) {
                return null;   // might overflow a long: the exact path decides
            }
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = in[i] * f;
            }
            return out;
        }
        long[] out = new long[n];
        Object last = null;
        long lastValue = 0;
        for (int i = 0; i < n; i++) {
            Object o = v.get(i);
            if (o == null) {
                continue;
            }
            if (o != last) {   // a literal's vector repeats one instance: convert it once
                BigDecimal b = (BigDecimal) o;
                if (b.scale() > scale) {
                    return null;
                }
                BigDecimal u = b.setScale(scale).movePointRight(scale);
                if (u.precision() > 18) {
                    return null;
                }
                last = o;
                lastValue = u.longValueExact();
            }
            out[i] = lastValue;
        }
        return out;
    }

    /**
     * {@code l + r} (or {@code l - r}) as unscaled longs at {@code scale}, or null when a value
     * needs rounding to it or overflows a long.
     */
    static long[] addAt(ColumnVector l, ColumnVector r, DecimalType lt, DecimalType rt, int scale, int n,
            boolean subtract) {
        if (scale < lt.scale() || scale < rt.scale()) {
            return null;
        }
        long[] a = unscaledAt(l, scale, n);
        long[] b = a == null ? null : unscaledAt(r, scale, n);
        if (b == null) {
            return null;
        }
        if (Math.max(magnitudeBits(a, n), magnitudeBits(b, n)) > 61) {
            return null;   // might overflow a long: the exact path decides
        }
        long[] out = new long[n];
        if (subtract) {
            for (int i = 0; i < n; i++) out[i] = a[i] - b[i];
        } else {
            for (int i = 0; i < n; i++) out[i] = a[i] + b[i];
        }
        return out;
    }

    /**
     * How many bits bound the magnitudes of {@code a[0..n-1]}: every value has {@code |x| <=
     * 2^bits}. A kernel proves with it, in one branch-free pass per batch, that plain long
     * arithmetic cannot overflow instead of checking every row (the JIT in use, C1, neither
     * intrinsifies the exact operations nor vectorizes; an or-reduction stays cheap).
     */
    static int magnitudeBits(long[] a, int n) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            long x = a[i];
            acc |= x ^ (x >> 63);   // |x| for x >= 0, |x| - 1 for x < 0
        }
        return 64 - Long.numberOfLeadingZeros(acc);
    }

    /**
     * Whether the long path is worth trying: one operand is already compact. Two columns of
     * {@code BigDecimal}s would be converted value by value only to find, for wide values,
     * that the exact path must run anyway.
     */
    static boolean eitherCompact(ColumnVector l, ColumnVector r) {
        return l instanceof DecimalVector || r instanceof DecimalVector;
    }

    /** Whether an unscaled value has at most {@code precision} digits. */
    public static boolean fits(long unscaled, int precision) {
        return precision >= 19 || (unscaled < POW10[precision] && unscaled > -POW10[precision]);
    }

    /** A compact result column, or null when a value does not fit {@code type}'s precision. */
    static DecimalVector result(DecimalType type, long[] out, boolean[] nulls) {
        int p = type.precision();
        int bits = p < 19 ? magnitudeBits(out, out.length) : 0;
        if (p < 19 && (bits >= 63 || (1L << bits) >= POW10[p])) {   // else every |value| <= 2^bits < 10^p
            for (int i = 0; i < out.length; i++) {
                if (!fits(out[i], p) && (nulls == null || !nulls[i])) {
                    return null;
                }
            }
        }
        return new DecimalVector(type, out, nulls);
    }
}
