package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.DecimalLongs;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

/**
 * Per-group decimal sums at one type's scale, for {@code sum} and {@code avg}: a group adds
 * unscaled longs until a sum would overflow one, then goes on exactly in {@link BigDecimal}, so
 * the common case allocates nothing per row. With {@code checkEachStep} (Spark's {@code sum}) a
 * group whose running sum exceeds the type's precision is null from then on; otherwise ({@code
 * avg}) only the final sum is fitted. With {@code failOnOverflow} (ANSI) an overflow fails
 * instead of giving null: at once with {@code checkEachStep}, else when the sum is read. Not
 * thread-safe: its state owns it.
 */
final class DecimalSums {
    private final DecimalType type;
    private final int scale;
    private final boolean checkEachStep;
    private final boolean failOnOverflow;
    private long[] small = new long[0];
    private BigDecimal[] big = new BigDecimal[0];
    private boolean[] seen = new boolean[0];
    private boolean[] overflowed = new boolean[0];
    /** The largest magnitude a group's unscaled sum may reach before it needs checking. */
    private final long bound;
    /** An upper bound of the magnitudes of everything added while {@link #bounded}. */
    private long addedMagnitude;
    /**
     * True while {@link #addedMagnitude} is at most {@link #bound}: then no group's sum can have
     * left a long or the type's precision, so every group is a plain long and batches add
     * without per-row checks. Once false, it stays false.
     */
    private boolean bounded = true;

    DecimalSums(DecimalType type, boolean checkEachStep, boolean failOnOverflow) {
        this.type = type;
        this.scale = type.scale();
        this.checkEachStep = checkEachStep;
        this.failOnOverflow = failOnOverflow;
        this.bound = checkEachStep && type.precision() < 19 ? maxUnscaled(type.precision()) : Long.MAX_VALUE;
    }

    /** {@code 10^digits - 1}, the largest unscaled value of that many digits (at most 18). */
    private static long maxUnscaled(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p - 1;
    }

    void resize(int c) {
        small = Arrays.copyOf(small, c);
        big = Arrays.copyOf(big, c);
        seen = Arrays.copyOf(seen, c);
        overflowed = Arrays.copyOf(overflowed, c);
    }

    /** Adds the non-null rows of a decimal column at this scale or below, row r into group {@code g[r]}. */
    void add(int[] g, int n, ColumnVector in) {
        if (in instanceof DecimalVector d && d.scale() == scale) {
            long[] v = d.unscaled;
            boolean[] nulls = d.nulls;
            if (bounded && addWithinBound(g, n, v, nulls)) {
                return;
            }
            boolean wide = !checkEachStep || type.precision() >= 19;   // only a long's overflow to watch
            for (int i = 0; i < n; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int k = g[i];
                long x = v[i];
                long sum = small[k] + x;
                if (wide && seen[k] && big[k] == null && ((small[k] ^ sum) & (x ^ sum)) >= 0) {
                    small[k] = sum;   // the common case: a compact group's sum still fits
                } else {
                    addLong(k, x);
                }
            }
            return;
        }
        bounded = false;
        for (int i = 0; i < n; i++) {
            BigDecimal b = (BigDecimal) in.get(i);
            if (b == null) {
                continue;
            }
            BigDecimal at = b.scale() == scale ? b : b.setScale(scale);
            if (at.unscaledValue().bitLength() < 64) {
                addLong(g[i], at.unscaledValue().longValue());
            } else {
                addBig(g[i], at);
            }
        }
    }

    /**
     * Adds the batch without per-row checks if even the sum of all its magnitudes keeps
     * {@link #addedMagnitude} within {@link #bound}; else leaves the bounded mode and returns false.
     */
    private boolean addWithinBound(int[] g, int n, long[] v, boolean[] nulls) {
        long magnitudes = 0;   // the OR of the magnitudes: at least the largest, under twice it
        for (int i = 0; i < n; i++) {
            long x = v[i];
            long abs = (x ^ (x >> 63)) - (x >> 63);   // Long.MIN_VALUE stays negative
            magnitudes |= nulls != null && nulls[i] ? 0 : abs;
        }
        if (magnitudes < 0 || magnitudes > (bound - addedMagnitude) / Math.max(n, 1)) {
            bounded = false;
            return false;
        }
        addedMagnitude += magnitudes * n;
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                int k = g[i];
                small[k] += v[i];
                seen[k] = true;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (!nulls[i]) {
                    int k = g[i];
                    small[k] += v[i];
                    seen[k] = true;
                }
            }
        }
        return true;
    }

    private void addLong(int k, long v) {
        if (overflowed[k]) {
            return;
        }
        if (!seen[k]) {
            seen[k] = true;
            small[k] = v;
            return;
        }
        if (big[k] != null) {
            big[k] = big[k].add(BigDecimal.valueOf(v, scale));
        } else {
            long s = small[k] + v;
            if (((small[k] ^ s) & (v ^ s)) < 0) {   // the long overflowed: carry on exactly
                big[k] = BigDecimal.valueOf(small[k], scale).add(BigDecimal.valueOf(v, scale));
            } else {
                small[k] = s;
            }
        }
        if (checkEachStep) {
            check(k);
        }
    }

    private void addBig(int k, BigDecimal v) {
        if (overflowed[k]) {
            return;
        }
        big[k] = !seen[k] ? v : big[k] != null ? big[k].add(v) : BigDecimal.valueOf(small[k], scale).add(v);
        seen[k] = true;
        if (checkEachStep) {
            check(k);
        }
    }

    private void check(int k) {
        overflowed[k] = big[k] != null ? Decimals.toPrecision(big[k], type) == null
                : !DecimalLongs.fits(small[k], type.precision());
        if (overflowed[k] && failOnOverflow) {
            throw sumOverflow();
        }
    }

    /** Spark's {@code ARITHMETIC_OVERFLOW} of a decimal sum (its {@code overflowInSumOfDecimalError}). */
    private static ExpressionEvalException sumOverflow() {
        String alternative = " Use 'try_sum' to tolerate overflow and return NULL instead.";
        return new ExpressionEvalException("ARITHMETIC_OVERFLOW", "Overflow in sum of decimals." + alternative
                + " If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                Map.of("message", "Overflow in sum of decimals", "alternative", alternative,
                        "config", "\"spark.sql.ansi.enabled\""));
    }

    /** Group {@code k}'s sum fitted to the type, or null (no value, or it overflowed). */
    BigDecimal get(int k) {
        if (!seen[k] || overflowed[k]) {
            return null;
        }
        BigDecimal exact = big[k] != null ? big[k] : BigDecimal.valueOf(small[k], scale);
        BigDecimal fitted = Decimals.toPrecision(exact, type);
        if (fitted == null && failOnOverflow) {
            throw ExpressionEvalException.decimalOutOfRange(exact, type.precision(), type.scale());
        }
        return fitted;
    }

    /** The sums of groups {@code 0..numGroups-1}, compact when every one is. */
    ColumnVector column(int numGroups) {
        boolean compact = true;
        boolean[] nulls = null;
        for (int k = 0; k < numGroups && compact; k++) {
            if (!seen[k] || overflowed[k]) {
                if (nulls == null) nulls = new boolean[numGroups];
                nulls[k] = true;
            } else {
                compact = big[k] == null && DecimalLongs.fits(small[k], type.precision());
            }
        }
        if (compact) {
            return new DecimalVector(type, Arrays.copyOf(small, numGroups), nulls);
        }
        Object[] out = new Object[numGroups];
        for (int k = 0; k < numGroups; k++) {
            out[k] = get(k);
        }
        return new ObjectVector(type, out);
    }

    long sizeInBytes() {
        return 11L * small.length;
    }
}
