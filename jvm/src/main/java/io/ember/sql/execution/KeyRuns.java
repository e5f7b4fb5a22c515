package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;

/**
 * Groups rows through a {@link GroupKeyTable} probing only the first row of each run of equal
 * keys: input sorted or clustered by its key (lineitem by {@code l_orderkey}, a join's output
 * in its stream side's order) repeats a key over consecutive rows, and a row equal to the one
 * before it takes that row's group. Runs are found on the vectors' primitive arrays (long, int
 * and dictionary-code keys, nulls equal to nulls, as in grouping); other key vectors, and
 * batches with too few repeats to pay for the copy, go to the table row by row. Not
 * thread-safe: one task's buffer owns it.
 */
final class KeyRuns {
    /** Batches whose runs save fewer probes than this share of rows go straight to the table. */
    private static final double MIN_SAVED = 0.25;

    private int[] heads = new int[0];
    private int[] headGroups = new int[0];

    /** Fills {@code groupIds[0..n)} as {@code table.findOrInsert(keys, n, groupIds)} would. */
    void findOrInsert(GroupKeyTable table, ColumnVector[] keys, int n, int[] groupIds) {
        int m = n <= 1 || !comparable(keys) ? n : markHeads(keys, n);
        if (m > n * (1 - MIN_SAVED)) {
            table.findOrInsert(keys, n, groupIds);
            return;
        }
        ColumnVector[] headKeys = new ColumnVector[keys.length];
        for (int c = 0; c < keys.length; c++) {
            headKeys[c] = VectorOps.gather(keys[c], heads, m);
        }
        table.findOrInsert(headKeys, m, headGroups);
        int run = -1;
        for (int r = 0; r < n; r++) {
            if (run + 1 < m && heads[run + 1] == r) {
                run++;
            }
            groupIds[r] = headGroups[run];
        }
    }

    private static boolean comparable(ColumnVector[] keys) {
        if (keys.length == 0) {
            return false;
        }
        for (ColumnVector k : keys) {
            if (!(k instanceof LongVector || k instanceof IntVector || k instanceof DictionaryVector)) {
                return false;
            }
        }
        return true;
    }

    /** Puts the first row of every run in {@link #heads}; returns how many runs. */
    private int markHeads(ColumnVector[] keys, int n) {
        if (heads.length < n) {
            heads = new int[n];
            headGroups = new int[n];
        }
        int m = 0;
        heads[m++] = 0;
        for (int r = 1; r < n; r++) {
            if (!sameAsPrevious(keys, r)) {
                heads[m++] = r;
            }
        }
        return m;
    }

    private static boolean sameAsPrevious(ColumnVector[] keys, int r) {
        for (ColumnVector k : keys) {
            if (k instanceof LongVector l) {
                boolean[] nulls = l.nulls;
                if (nulls != null && (nulls[r] || nulls[r - 1])) {
                    if (nulls[r] != nulls[r - 1]) {
                        return false;
                    }
                } else if (l.values[r] != l.values[r - 1]) {
                    return false;
                }
            } else if (k instanceof IntVector l) {
                boolean[] nulls = l.nulls;
                if (nulls != null && (nulls[r] || nulls[r - 1])) {
                    if (nulls[r] != nulls[r - 1]) {
                        return false;
                    }
                } else if (l.values[r] != l.values[r - 1]) {
                    return false;
                }
            } else {
                int[] codes = ((DictionaryVector) k).codes;
                int a = codes[r];
                int b = codes[r - 1];
                // equal codes are equal values; a negative code is null; a null entry as a
                // non-negative code differs from every other code here and the table decides
                if (a != b && (a >= 0 || b >= 0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
