package io.ember.sql.execution;

import io.ember.sql.expressions.WindowFrame;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;

/**
 * The rows of each row's RANGE frame with value offsets, in one sorted window partition: row i's
 * frame holds the rows whose order key lies within {@code [key_i + lower, key_i + upper]} (for a
 * descending order, preceding means larger keys, so within {@code [key_i - upper, key_i - lower]}).
 * Keys are integers (int- and long-backed types; a date counts days) compared exactly, or
 * doubles (float, double, decimal). Rows with a null key form one block whose frame is the block
 * itself, as in Spark; an unbounded side reaches the partition's end, nulls included. Stateless.
 */
final class RangeFrameBounds {
    private RangeFrameBounds() {}

    /** Fills {@code lo[i]..hi[i]} (inclusive; empty when {@code lo > hi}) for every row. */
    static void compute(WindowFrame frame, ColumnVector key, boolean ascending, int n, int[] lo, int[] hi) {
        boolean exact = DataTypes.isIntBacked(key.dataType()) || DataTypes.isLongBacked(key.dataType());
        long[] lk = exact ? new long[n] : null;
        double[] dk = exact ? null : new double[n];
        int nullStart = n, nullEnd = n;
        for (int i = 0; i < n; i++) {
            if (key.isNull(i)) {
                nullStart = Math.min(nullStart, i);
                nullEnd = i + 1;
                continue;
            }
            Object v = key.get(i);
            if (exact) {
                lk[i] = ascending ? ((Number) v).longValue() : -((Number) v).longValue();
            } else {
                double d = key.dataType() instanceof DecimalType ? ((java.math.BigDecimal) v).doubleValue()
                        : ((Number) v).doubleValue();
                dk[i] = ascending ? d : -d;
            }
        }
        if (nullStart == n) {
            nullEnd = n;
        }
        int from = nullStart == 0 ? nullEnd : 0;
        int to = nullStart == 0 ? n : nullStart;
        boolean unboundedLo = frame.lower() == WindowFrame.UNBOUNDED_PRECEDING;
        boolean unboundedHi = frame.upper() == WindowFrame.UNBOUNDED_FOLLOWING;
        for (int i = 0; i < n; i++) {
            if (i >= nullStart && i < nullEnd) {
                lo[i] = unboundedLo ? 0 : nullStart;
                hi[i] = unboundedHi ? n - 1 : nullEnd - 1;
                continue;
            }
            if (exact) {
                lo[i] = unboundedLo ? 0 : firstAtLeast(lk, from, to, saturatingAdd(lk[i], frame.lower()));
                hi[i] = unboundedHi ? n - 1 : firstAtLeast(lk, from, to, saturatingAdd(saturatingAdd(lk[i], frame.upper()), 1)) - 1;
            } else {
                lo[i] = unboundedLo ? 0 : firstAtLeast(dk, from, to, dk[i] + frame.lower(), false);
                hi[i] = unboundedHi ? n - 1 : firstAtLeast(dk, from, to, dk[i] + frame.upper(), true) - 1;
            }
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** The first index in {@code [from, to)} whose key is at least {@code target} ({@code to} if none). */
    private static int firstAtLeast(long[] keys, int from, int to, long target) {
        int a = from, b = to;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (keys[m] < target) a = m + 1; else b = m;
        }
        return a;
    }

    /** The first index whose key is at least (or, with {@code strictly}, above) {@code target}. */
    private static int firstAtLeast(double[] keys, int from, int to, double target, boolean strictly) {
        int a = from, b = to;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (strictly ? keys[m] <= target : keys[m] < target) a = m + 1; else b = m;
        }
        return a;
    }
}
