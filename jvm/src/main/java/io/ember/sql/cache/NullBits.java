package io.ember.sql.cache;

import io.ember.sql.vector.ColumnVector;

/** Null masks as bitsets (one bit a row), null when a column has no nulls. Stateless. */
final class NullBits {
    private NullBits() {}

    /** The nulls among the first {@code n} values of {@code v}; null if none. */
    static long[] of(ColumnVector v, int n) {
        if (!v.mayHaveNulls()) {
            return null;
        }
        long[] bits = null;
        for (int i = 0; i < n; i++) {
            if (v.isNull(i)) {
                if (bits == null) {
                    bits = new long[(n + 63) >>> 6];
                }
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    static boolean isSet(long[] bits, int i) {
        return bits != null && (bits[i >>> 6] & (1L << i)) != 0;
    }

    static int count(long[] bits) {
        int c = 0;
        if (bits != null) {
            for (long w : bits) {
                c += Long.bitCount(w);
            }
        }
        return c;
    }

    /** The mask as a vector's {@code boolean[]} nulls, or null when there are none. */
    static boolean[] toBooleans(long[] bits, int n) {
        if (bits == null) {
            return null;
        }
        boolean[] nulls = new boolean[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = isSet(bits, i);
        }
        return nulls;
    }

    static long size(long[] bits) {
        return bits == null ? 0 : 16 + 8L * bits.length;
    }
}
