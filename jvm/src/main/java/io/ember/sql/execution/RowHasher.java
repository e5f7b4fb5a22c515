package io.ember.sql.execution;

import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hashes rows of key columns, a column at a time, for hash exchanges and hash tables. Equal
 * keys hash equally whatever vector holds them: int-backed and long-backed values hash as
 * longs, {@code -0.0} as {@code 0.0}, every NaN alike, dictionary values as their strings.
 *
 * <p>Columns are combined with Murmur3's per-block step ({@link #combine}), not {@code h * 31 + k}:
 * the linear combination collides wholesale on structured keys (the value hashes are linear
 * too, so {@code (a + 1, b - 31)} hashed like {@code (a, b)}), which made grouping by several
 * keys probe long runs of equal hashes.
 */
public final class RowHasher {
    private static final int NULL_HASH = 0x5bd1e995;

    private RowHasher() {}

    /** Fills {@code out[0..n-1]} with the hash of each row of {@code keys}. */
    public static void hash(ColumnVector[] keys, int n, int[] out) {
        Arrays.fill(out, 0, n, 42);
        for (ColumnVector k : keys) {
            hashInto(k, n, out);
        }
        for (int i = 0; i < n; i++) {
            out[i] = fmix(out[i]);
        }
    }

    /**
     * Fills {@code out[0..n-1]} with each row's hash partition in {@code [0, parts)}, for hash
     * exchanges. A one-column key is routed by its value hash itself ({@link #hashValue}'s, the
     * same for every vector class), several columns by their combined hash (before {@link
     * #hash}'s finalizer); either is re-mixed once with a seed of its own and reduced by the high
     * bits of a multiply ({@link #partitionOf}). The partition is thus a different function of
     * the key than the hash tables' slot (their own mix of the key, or {@link #hash}), so that
     * the rows one partition receives still spread over all low bits those tables index by. A
     * long or int key takes one pass with no calls per row: the engine's JIT is C1, which
     * neither fuses separate passes nor inlines more than one level of small methods.
     */
    public static void partitions(ColumnVector[] keys, int n, int parts, int[] out) {
        if (keys.length != 1) {
            Arrays.fill(out, 0, n, 42);
            for (ColumnVector k : keys) {
                hashInto(k, n, out);
            }
            for (int i = 0; i < n; i++) {
                out[i] = partitionOf(out[i], parts);
            }
            return;
        }
        ColumnVector v = keys[0];
        if (v instanceof LongVector l) {
            long[] values = l.values;
            boolean[] nulls = l.nulls;
            for (int i = 0; i < n; i++) {
                long x = values[i];
                out[i] = partitionOf(nulls != null && nulls[i] ? NULL_HASH : (int) (x ^ (x >>> 32)) * 0x9E3779B1, parts);
            }
        } else if (v instanceof IntVector l) {
            int[] values = l.values;
            boolean[] nulls = l.nulls;
            for (int i = 0; i < n; i++) {
                long x = values[i];
                out[i] = partitionOf(nulls != null && nulls[i] ? NULL_HASH : (int) (x ^ (x >>> 32)) * 0x9E3779B1, parts);
            }
        } else if (v instanceof StringVector s) {
            String[] values = s.values;
            for (int i = 0; i < n; i++) {
                String x = values[i];
                out[i] = partitionOf(x == null ? NULL_HASH : x.hashCode(), parts);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = partitionOf(hashValue(v.get(i)), parts);
            }
        }
    }

    /** The partition of a key hash: Murmur3's finalizer over {@code h} plus a seed, then the high bits of a multiply (no calls: see {@link #partitions}). */
    private static int partitionOf(int h, int parts) {
        h += 0x2545f491;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (int) (((h & 0xffffffffL) * parts) >>> 32);
    }

    private static void hashInto(ColumnVector v, int n, int[] out) {
        if (v instanceof LongVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], l.nulls != null && l.nulls[i] ? NULL_HASH : hashLong(l.values[i]));
            }
        } else if (v instanceof IntVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], l.nulls != null && l.nulls[i] ? NULL_HASH : hashLong(l.values[i]));
            }
        } else if (v instanceof DoubleVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], l.nulls != null && l.nulls[i] ? NULL_HASH : hashDouble(l.values[i]));
            }
        } else if (v instanceof FloatVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], l.nulls != null && l.nulls[i] ? NULL_HASH : hashDouble(l.values[i]));
            }
        } else if (v instanceof BooleanVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], l.nulls != null && l.nulls[i] ? NULL_HASH : (l.values[i] ? 1231 : 1237));
            }
        } else if (v instanceof DictionaryVector d) {
            int[] dictHash = new int[d.dictionary.size()];
            for (int c = 0; c < dictHash.length; c++) {
                dictHash[c] = hashValue(d.dictionary.get(c));
            }
            for (int i = 0; i < n; i++) {
                int code = d.codes[i];
                out[i] = combine(out[i], code < 0 ? NULL_HASH : dictHash[code]);
            }
        } else if (v instanceof StringVector s) {
            String[] values = s.values;
            for (int i = 0; i < n; i++) {
                String x = values[i];
                out[i] = combine(out[i], x == null ? NULL_HASH : x.hashCode());
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = combine(out[i], hashValue(v.get(i)));
            }
        }
    }

    static int hashLong(long v) {
        return (int) (v ^ (v >>> 32)) * 0x9E3779B1;
    }

    static int hashDouble(double d) {
        if (d == 0.0) {
            d = 0.0;
        } else if (Double.isNaN(d)) {
            d = Double.NaN;
        }
        return hashLong(Double.doubleToLongBits(d));
    }

    /** The hash of one boxed internal value, consistent with the vector paths above. */
    public static int hashValue(Object v) {
        if (v == null) {
            return NULL_HASH;
        }
        if (v instanceof String s) {
            return s.hashCode();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return hashLong(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return hashDouble(((Number) v).doubleValue());
        }
        if (v instanceof Boolean b) {
            return b ? 1231 : 1237;
        }
        if (v instanceof byte[] b) {
            return Arrays.hashCode(b);
        }
        if (v instanceof Object[] a) {
            int h = 7;
            for (Object o : a) {
                h = h * 31 + hashValue(o);
            }
            return h;
        }
        if (v instanceof List<?> l) {
            int h = 11;
            for (Object o : l) {
                h = h * 31 + hashValue(o);
            }
            return h;
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().hashCode();
        }
        return Objects.hashCode(v);
    }

    /** Folds one column's value hash {@code k} into the row hash {@code h} (Murmur3's block step). */
    static int combine(int h, int k) {
        k *= 0xcc9e2d51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1b873593;
        h ^= k;
        h = Integer.rotateLeft(h, 13);
        return h * 5 + 0xe6546b64;
    }

    /** Murmur3's finalizer: spreads the combined hash over all bits. */
    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
