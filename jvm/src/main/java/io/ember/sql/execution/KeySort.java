package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.PrimitiveVector;
import java.util.Arrays;

/**
 * Sorts row indices by evaluated key columns (a stable order, as {@link KeyComparator}
 * defines it). Leading integral keys (ints, dates, longs, compact decimals) whose value spans
 * multiply to less than 2^31 become one composite rank per row (direction and null placement
 * folded in), put above the row's index in a {@code long} and sorted as primitives (ties stay
 * in index order, so the sort is stable); rows tied on those keys are then ordered by the
 * remaining keys with the comparator. A first key that is not integral sorts with the
 * comparator throughout. Stateless.
 */
final class KeySort {
    private KeySort() {}

    /** Indices {@code 0..n-1} of the rows of {@code keys}, in {@code order}. */
    static int[] sort(ColumnVector[] keys, KeyComparator order, int n) {
        long[] rank = new long[n];
        int packed = 0;
        long span = 1;
        while (packed < keys.length) {
            long s = addRanks(rank, span, keys[packed], order.ascending(packed), order.nullsFirst(packed), n);
            if (s < 0) {
                break;
            }
            span = s;
            packed++;
        }
        if (packed == 0) {
            int[] idx = VectorOps.identity(n);
            IntSort.sort(idx, n, (a, b) -> order.compare(keys, a, keys, b));
            return idx;
        }
        for (int i = 0; i < n; i++) {
            rank[i] = rank[i] << 32 | i;
        }
        Arrays.sort(rank, 0, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) rank[i];
        }
        if (packed < keys.length) {
            sortTies(rank, idx, keys, order, n);
        }
        return idx;
    }

    /** Orders each run of rows with the same packed rank by all keys (the run is already in index order). */
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

    /**
     * Folds an integral column into the composite ranks ({@code rank = rank * width + own rank},
     * direction and null placement folded into its own rank); returns the new span of ranks, or
     * -1 (ranks untouched) when the column is not integral or the span would reach 2^31.
     */
    private static long addRanks(long[] rank, long span, ColumnVector v, boolean ascending, boolean nullsFirst, int n) {
        long[] values = values(v, n);
        if (values == null || n == 0) {
            return -1;
        }
        boolean[] nulls = ((PrimitiveVector) v).nulls;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        long diff = min <= max ? max - min : 0;    // negative when the span overflows a long
        long width = diff + 3;                     // ranks 0 (nulls first) .. diff + 2 (nulls last)
        if (diff < 0 || width >= Integer.MAX_VALUE || span * width >= Integer.MAX_VALUE) {
            return -1;
        }
        long nullRank = nullsFirst ? 0 : width - 1;
        for (int i = 0; i < n; i++) {
            long own = nulls != null && nulls[i] ? nullRank : ascending ? values[i] - min + 1 : max - values[i] + 1;
            rank[i] = rank[i] * width + own;
        }
        return span * width;
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
