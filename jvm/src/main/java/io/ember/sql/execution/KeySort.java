package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.PrimitiveVector;
import java.util.Arrays;

/**
 * Sorts row indices by evaluated key columns (a stable order, as {@link KeyComparator}
 * defines it). When the first key is an integral column (ints, dates, longs, compact
 * decimals) whose values span less than 2^31, each row becomes one {@code long}: its rank under
 * the first key (direction and null placement folded in) above its index, sorted as primitives
 * (ties stay in index order, so the sort is stable); rows tied on the first key are then
 * ordered by the remaining keys with the comparator. Any other first key sorts with the
 * comparator throughout. Stateless.
 */
final class KeySort {
    private KeySort() {}

    /** Indices {@code 0..n-1} of the rows of {@code keys}, in {@code order}. */
    static int[] sort(ColumnVector[] keys, KeyComparator order, int n) {
        long[] packed = keys.length == 0 ? null : pack(keys[0], order.ascending(0), order.nullsFirst(0), n);
        if (packed == null) {
            int[] idx = VectorOps.identity(n);
            IntSort.sort(idx, n, (a, b) -> order.compare(keys, a, keys, b));
            return idx;
        }
        Arrays.sort(packed, 0, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) packed[i];
        }
        if (keys.length > 1) {
            sortTies(packed, idx, keys, order, n);
        }
        return idx;
    }

    /** Orders each run of rows with the same first-key rank by all keys (the run is already in index order). */
    private static void sortTies(long[] packed, int[] idx, ColumnVector[] keys, KeyComparator order, int n) {
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || (packed[i] >>> 32) != (packed[start] >>> 32)) {
                if (i - start > 1) {
                    int[] run = Arrays.copyOfRange(idx, start, i);
                    IntSort.sort(run, run.length, (a, b) -> order.compare(keys, a, keys, b));
                    System.arraycopy(run, 0, idx, start, run.length);
                }
                start = i;
            }
        }
    }

    /** Rank-above-index longs of an integral column spanning under 2^31 values; null for any other column. */
    private static long[] pack(ColumnVector v, boolean ascending, boolean nullsFirst, int n) {
        long[] values = values(v, n);
        if (values == null || n == 0) {
            return null;
        }
        boolean[] nulls = ((PrimitiveVector) v).nulls;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (min <= max && (max - min < 0 || max - min >= Integer.MAX_VALUE - 2)) {
            return null;
        }
        long nullRank = nullsFirst ? 0 : (min <= max ? max - min + 2 : 1);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long rank = nulls != null && nulls[i] ? nullRank : ascending ? values[i] - min + 1 : max - values[i] + 1;
            out[i] = rank << 32 | i;
        }
        return out;
    }

    private static long[] values(ColumnVector v, int n) {
        if (v instanceof LongVector l) {
            return l.values;
        }
        if (v instanceof DecimalVector d) {
            return d.unscaled;
        }
        if (v instanceof IntVector iv) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = iv.values[i];
            }
            return out;
        }
        return null;
    }
}
