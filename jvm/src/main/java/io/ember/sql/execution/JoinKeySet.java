package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.io.Serializable;

/**
 * The distinct non-null values of one int- or long-backed join key of a broadcast build side,
 * for testing probe rows before they are read whole ({@link JoinKeyFilter}): a bitset over
 * {@code [min, max]} when the keys are dense enough (surrogate keys), else open addressing
 * over a {@code long[]} (load at most 1/2). Answers exactly, never "maybe". Immutable once
 * built; shared read-only by tasks.
 */
final class JoinKeySet implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * The bitset may take up to this many bits per key (the hashed form takes 128 to 256), or
     * {@link #SMALL_BITS} whatever the count: a bitset that fits a core's cache answers faster
     * than a hashed set of a few keys spread over a wide range.
     */
    private static final long BITS_PER_KEY = 64;
    private static final long SMALL_BITS = 1L << 24;
    private static final long MAX_BITS = 1L << 27;

    private final long min;
    private final long max;
    /** Bitset form: bit {@code k - min} set for key {@code k}; null when hashed. */
    private final long[] bits;
    /** Hashed form: the keys, {@code EMPTY} in free slots ({@code hasEmpty} says whether it is a key too). */
    private final long[] slots;
    private final boolean hasEmpty;

    private static final long EMPTY = Long.MIN_VALUE;

    private final boolean contiguous;

    private JoinKeySet(long min, long max, long[] bits, long[] slots, boolean hasEmpty, boolean contiguous) {
        this.contiguous = contiguous;
        this.min = min;
        this.max = max;
        this.bits = bits;
        this.slots = slots;
        this.hasEmpty = hasEmpty;
    }

    /** The set of the non-null values among the first {@code n} of {@code key} (int- or long-backed). */
    static JoinKeySet of(ColumnVector key, int n) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        int count = 0;
        for (int r = 0; r < n; r++) {
            if (!key.isNull(r)) {
                long k = longAt(key, r);
                lo = Math.min(lo, k);
                hi = Math.max(hi, k);
                count++;
            }
        }
        if (count == 0) {
            return new JoinKeySet(0, -1, new long[0], null, false, false);
        }
        long span = hi - lo; // negative on overflow: hashed
        if (span >= 0 && span < MAX_BITS && (span < SMALL_BITS || span < BITS_PER_KEY * count)) {
            long[] bits = new long[(int) (span >>> 6) + 1];
            for (int r = 0; r < n; r++) {
                if (!key.isNull(r)) {
                    long at = longAt(key, r) - lo;
                    bits[(int) (at >>> 6)] |= 1L << at;
                }
            }
            long distinct = 0;
            for (long w : bits) {
                distinct += Long.bitCount(w);
            }
            return new JoinKeySet(lo, hi, bits, null, false, distinct == span + 1);
        }
        long[] slots = new long[Math.max(16, Integer.highestOneBit(count) * 4)];
        java.util.Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        boolean hasEmpty = false;
        for (int r = 0; r < n; r++) {
            if (key.isNull(r)) {
                continue;
            }
            long k = longAt(key, r);
            if (k == EMPTY) {
                hasEmpty = true;
                continue;
            }
            int s = slot(k, mask);
            while (slots[s] != EMPTY && slots[s] != k) {
                s = (s + 1) & mask;
            }
            slots[s] = k;
        }
        return new JoinKeySet(lo, hi, null, slots, hasEmpty, false);
    }

    private static long longAt(ColumnVector v, int i) {
        if (v instanceof LongVector l) {
            return l.values[i];
        }
        return v instanceof IntVector l ? l.values[i] : ((Number) v.get(i)).longValue();
    }

    private static int slot(long k, int mask) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /**
     * Whether the keys are every value of {@code [min, max]}: a join to a whole dimension
     * (every part key), which such a set would filter only by range, rarely dropping a row.
     */
    boolean contiguous() {
        return contiguous;
    }

    /** Whether {@code k} is one of the keys. */
    boolean contains(long k) {
        if (k < min || k > max) {
            return false;
        }
        if (bits != null) {
            long at = k - min;
            return (bits[(int) (at >>> 6)] & (1L << at)) != 0;
        }
        if (k == EMPTY) {
            return hasEmpty;
        }
        int mask = slots.length - 1;
        for (int s = slot(k, mask); ; s = (s + 1) & mask) {
            long x = slots[s];
            if (x == k) {
                return true;
            }
            if (x == EMPTY) {
                return false;
            }
        }
    }

    /** Per row of {@code keys} (first {@code n}): whether it is non-null and one of the keys. */
    boolean[] containsEach(ColumnVector keys, int n) {
        int[] rows = new int[n];
        int m = keep(keys, n, rows, -1);
        boolean[] out = new boolean[n];
        for (int i = 0; i < m; i++) {
            out[rows[i]] = true;
        }
        return out;
    }

    /**
     * The rows (all {@code n} when {@code kept < 0}, else {@code into[0, kept)}) whose key is
     * non-null and one of the keys, ascending, into {@code into}; returns how many.
     */
    int keep(ColumnVector keys, int n, int[] into, int kept) {
        boolean all = kept < 0;
        int count = all ? n : kept;
        int m = 0;
        if (keys instanceof LongVector l && l.nulls == null && bits != null) {
            long[] v = l.values;
            long[] b = bits;
            long lo = min;
            long span = max - min;
            for (int k = 0; k < count; k++) {
                int i = all ? k : into[k];
                long at = v[i] - lo;
                if (at >= 0 && at <= span && (b[(int) (at >>> 6)] & (1L << at)) != 0) {
                    into[m++] = i;
                }
            }
            return m;
        }
        for (int k = 0; k < count; k++) {
            int i = all ? k : into[k];
            if (!keys.isNull(i) && contains(longAt(keys, i))) {
                into[m++] = i;
            }
        }
        return m;
    }

    long sizeInBytes() {
        return 8L * (bits != null ? bits.length : slots.length);
    }
}
