package io.ember.sql.expressions;

import io.ember.sql.expressions.BinaryComparison.Op;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Comparisons of a column with one non-null constant ({@code l_shipdate <= DATE '1998-09-02'}),
 * without building a vector of the constant: one loop per representation and operator against
 * a scalar, and dictionary-encoded columns compared once per dictionary entry. Each kernel
 * answers exactly as {@link BinaryComparison}'s general path; null means no kernel applies.
 * Stateless.
 */
final class ScalarComparisons {
    private ScalarComparisons() {}

    /** The operator that holds for {@code (b, a)} when {@code op} holds for {@code (a, b)}. */
    static Op flip(Op op) {
        return switch (op) {
            case EQ -> Op.EQ;
            case LT -> Op.GT;
            case LE -> Op.GE;
            case GT -> Op.LT;
            case GE -> Op.LE;
        };
    }

    static boolean accept(Op op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
        };
    }

    /**
     * {@code col op value} over rows {@code 0..n-1} of a column of type {@code t}, null where
     * the column is null; or null when no scalar kernel suits the column's representation.
     */
    static BooleanVector compare(ColumnVector col, DataType t, Object value, Op op, int n, DictionaryMemo memo) {
        if (col instanceof DictionaryVector d && DictionaryMemo.applies(d)) {
            Comparator<Object> c = DataTypes.StringType.equals(t)
                    ? (a, b) -> SqlOrdering.compareStrings((String) a, (String) b) : SqlOrdering.forType(t);
            return memo.eval(d, n, (dict, e) -> accept(op, c.compare(dict.get(e), value)));
        }
        boolean[] out = new boolean[n];
        boolean[] nulls;
        if (DataTypes.isIntBacked(t) && col instanceof IntVector v && value instanceof Number x) {
            ints(v.values, x.intValue(), op, out, n);
            nulls = v.nulls;
        } else if (DataTypes.isLongBacked(t) && col instanceof LongVector v && value instanceof Number x) {
            longs(v.values, x.longValue(), op, out, n);
            nulls = v.nulls;
        } else if (t.equals(DataTypes.DoubleType) && col instanceof DoubleVector v && value instanceof Number x) {
            double s = x.doubleValue();
            double[] a = v.values;
            for (int i = 0; i < n; i++) out[i] = accept(op, SqlOrdering.compareDoubles(a[i], s));
            nulls = v.nulls;
        } else if (t instanceof DecimalType && col instanceof DecimalVector v && value instanceof BigDecimal x) {
            Long s = unscaled(x, v.scale());
            if (s == null) {
                return null;
            }
            longs(v.unscaled, s, op, out, n);
            nulls = v.nulls;
        } else if (t.equals(DataTypes.StringType) && col instanceof StringVector v && value instanceof String s) {
            String[] a = v.values;
            nulls = null;
            for (int i = 0; i < n; i++) {
                if (a[i] == null) {
                    if (nulls == null) nulls = new boolean[n];
                    nulls[i] = true;
                } else {
                    out[i] = op == Op.EQ ? a[i].equals(s) : accept(op, SqlOrdering.compareStrings(a[i], s));
                }
            }
            return new BooleanVector(DataTypes.BooleanType, out, nulls);
        } else {
            return null;
        }
        return new BooleanVector(DataTypes.BooleanType, out, nulls == null ? null : Arrays.copyOf(nulls, n));
    }

    /** {@code x} as an unscaled long at {@code scale}, or null when that needs rounding or more than a long. */
    private static Long unscaled(BigDecimal x, int scale) {
        try {
            BigDecimal s = x.setScale(scale, RoundingMode.UNNECESSARY);
            return s.unscaledValue().bitLength() < 64 ? s.unscaledValue().longValue() : null;
        } catch (ArithmeticException needsRounding) {
            return null;
        }
    }

    private static void ints(int[] a, int s, Op op, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[i] == s; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[i] < s; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[i] <= s; }
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[i] > s; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[i] >= s; }
        }
    }

    private static void longs(long[] a, long s, Op op, boolean[] out, int n) {
        switch (op) {
            case EQ -> { for (int i = 0; i < n; i++) out[i] = a[i] == s; }
            case LT -> { for (int i = 0; i < n; i++) out[i] = a[i] < s; }
            case LE -> { for (int i = 0; i < n; i++) out[i] = a[i] <= s; }
            case GT -> { for (int i = 0; i < n; i++) out[i] = a[i] > s; }
            case GE -> { for (int i = 0; i < n; i++) out[i] = a[i] >= s; }
        }
    }
}
