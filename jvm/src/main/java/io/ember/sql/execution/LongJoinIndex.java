package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.List;

/**
 * The {@link JoinKeyIndex} of one int- or long-backed join key, one memory access per probe:
 * when the build keys span a range not much wider than their count (the usual surrogate keys
 * of fact-to-dimension joins) a plain array indexed by {@code key - min}; otherwise open
 * addressing (linear probing, load at most 1/2, sized by the distinct keys) over one {@code long[]} of interleaved
 * (key, first row + 1) pairs, so the key and its row share a cache line. Immutable once built.
 */
final class LongJoinIndex implements JoinKeyIndex {
    private static final long serialVersionUID = 1L;
    /**
     * The dense array may take up to this many int slots per build row (the hashed table takes 4
     * to 8 longs per distinct key): up to twice the memory buys a probe without hashing or compares.
     */
    private static final long DENSE_SLOTS_PER_ROW = 16;
    private static final long MAX_DENSE = 1 << 26;

    private final long min;
    private final long max;
    /** Dense form: the first row of key {@code min + i} at {@code i}, -1 for none; null when hashed. */
    private final int[] dense;
    /** Hashed form: key at {@code 2s}, first row + 1 at {@code 2s + 1} (0: empty slot). */
    private final long[] slots;
    private final int mask;

    private LongJoinIndex(long min, long max, int[] dense, long[] slots) {
        this.min = min;
        this.max = max;
        this.dense = dense;
        this.slots = slots;
        this.mask = slots == null ? 0 : slots.length / 2 - 1;
    }

    static boolean supports(List<DataType> keyTypes) {
        return keyTypes.size() == 1
                && (DataTypes.isLongBacked(keyTypes.get(0)) || DataTypes.isIntBacked(keyTypes.get(0)));
    }

    /**
     * Indexes the {@code n} build rows of {@code key}, filling {@code next} with each row's
     * successor holding the same key (-1 at the end and for null keys), rows in order.
     */
    static LongJoinIndex build(ColumnVector key, int n, int[] next) {
        long[] k = new long[n];
        boolean[] isNull = new boolean[n];
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        int count = 0;
        for (int r = 0; r < n; r++) {
            isNull[r] = key.isNull(r);
            if (!isNull[r]) {
                k[r] = longAt(key, r);
                lo = Math.min(lo, k[r]);
                hi = Math.max(hi, k[r]);
                count++;
            }
        }
        if (count == 0) {
            java.util.Arrays.fill(next, 0, n, -1);
            return new LongJoinIndex(0, -1, new int[0], null);
        }
        long span = hi - lo;
        if (span >= 0 && span < MAX_DENSE && span < DENSE_SLOTS_PER_ROW * count) {
            int[] dense = new int[(int) span + 1];
            java.util.Arrays.fill(dense, -1);
            for (int r = n - 1; r >= 0; r--) {
                if (isNull[r]) {
                    next[r] = -1;
                } else {
                    int at = (int) (k[r] - lo);
                    next[r] = dense[at];
                    dense[at] = r;
                }
            }
            return new LongJoinIndex(lo, hi, dense, null);
        }
        // sized for count / 4 distinct keys (a shuffled lineitem partition has ~4 rows per order key); grows beyond
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, count / 2) - 1) * 2);
        long[] slots = new long[2 * capacity];
        int mask = capacity - 1;
        int distinct = 0;
        for (int r = n - 1; r >= 0; r--) {
            if (isNull[r]) {
                next[r] = -1;
                continue;
            }
            int s = (int) mix(k[r]) & mask;
            while (slots[2 * s + 1] != 0 && slots[2 * s] != k[r]) {
                s = (s + 1) & mask;
            }
            next[r] = (int) slots[2 * s + 1] - 1;
            slots[2 * s] = k[r];
            slots[2 * s + 1] = r + 1;
            if (next[r] < 0 && ++distinct * 2 > mask + 1) {
                slots = grown(slots);
                mask = slots.length / 2 - 1;
            }
        }
        return new LongJoinIndex(lo, hi, null, slots);
    }

    private static long longAt(ColumnVector v, int i) {
        if (v instanceof LongVector l) {
            return l.values[i];
        }
        return v instanceof IntVector l ? l.values[i] : ((Number) v.get(i)).longValue();
    }

    /** The pairs of {@code slots} rehashed into twice as many slots. */
    private static long[] grown(long[] slots) {
        long[] out = new long[slots.length * 2];
        int mask = out.length / 2 - 1;
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i + 1] != 0) {
                int s = (int) mix(slots[i]) & mask;
                while (out[2 * s + 1] != 0) {
                    s = (s + 1) & mask;
                }
                out[2 * s] = slots[i];
                out[2 * s + 1] = slots[i + 1];
            }
        }
        return out;
    }

    private static long mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private int find(long k) {
        if (k < min || k > max) {
            return -1;
        }
        if (dense != null) {
            return dense[(int) (k - min)];
        }
        int s = (int) mix(k) & mask;
        while (true) {
            long row = slots[2 * s + 1];
            if (row == 0) {
                return -1;
            }
            if (slots[2 * s] == k) {
                return (int) row - 1;
            }
            s = (s + 1) & mask;
        }
    }

    /**
     * Probes a batch. Long and int keys run loops specialized by form, with the probe written
     * out in the loop: the engine's JVM compiles with C1 only, which does not inline
     * {@link #find} (too big) into a per-row loop.
     */
    @Override
    public void firstRows(ColumnVector[] keys, int n, int[] first) {
        ColumnVector v = keys[0];
        if (v instanceof LongVector l && dense != null) {
            denseLongs(l.values, l.nulls, n, first);
        } else if (v instanceof LongVector l) {
            hashedLongs(l.values, l.nulls, n, first);
        } else if (v instanceof IntVector l) {
            int[] vals = l.values;
            boolean[] nulls = l.nulls;
            for (int i = 0; i < n; i++) {
                first[i] = nulls != null && nulls[i] ? -1 : find(vals[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                first[i] = v.isNull(i) ? -1 : find(longAt(v, i));
            }
        }
    }

    private void denseLongs(long[] vals, boolean[] nulls, int n, int[] first) {
        int[] d = dense;
        long lo = min, hi = max;
        for (int i = 0; i < n; i++) {
            long k = vals[i];
            first[i] = (nulls != null && nulls[i]) || k < lo || k > hi ? -1 : d[(int) (k - lo)];
        }
    }

    /** {@link #find} of each row in the hashed form, inlined: the mix, then linear probing to the key or an empty slot. */
    private void hashedLongs(long[] vals, boolean[] nulls, int n, int[] first) {
        long[] t = slots;
        int m = mask;
        long lo = min, hi = max;
        for (int i = 0; i < n; i++) {
            long k = vals[i];
            long row = 0;
            if ((nulls == null || !nulls[i]) && k >= lo && k <= hi) {
                long h = k * 0x9E3779B97F4A7C15L;
                int s = (int) (h ^ (h >>> 29)) & m;
                while ((row = t[2 * s + 1]) != 0 && t[2 * s] != k) {
                    s = (s + 1) & m;
                }
            }
            first[i] = (int) row - 1;
        }
    }

    @Override
    public long sizeInBytes() {
        return dense != null ? 4L * dense.length : 8L * slots.length;
    }
}
