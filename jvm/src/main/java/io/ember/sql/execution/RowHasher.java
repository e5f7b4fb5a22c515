package io.ember.sql.execution;

import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hashes rows of key columns, a column at a time, for hash exchanges and hash tables. Equal
 * keys hash equally whatever vector holds them: int-backed and long-backed values hash as
 * longs, {@code -0.0} as {@code 0.0}, every NaN alike, dictionary values as their strings.
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

    private static void hashInto(ColumnVector v, int n, int[] out) {
        if (v instanceof LongVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + (l.nulls != null && l.nulls[i] ? NULL_HASH : hashLong(l.values[i]));
            }
        } else if (v instanceof IntVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + (l.nulls != null && l.nulls[i] ? NULL_HASH : hashLong(l.values[i]));
            }
        } else if (v instanceof DoubleVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + (l.nulls != null && l.nulls[i] ? NULL_HASH : hashDouble(l.values[i]));
            }
        } else if (v instanceof FloatVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + (l.nulls != null && l.nulls[i] ? NULL_HASH : hashDouble(l.values[i]));
            }
        } else if (v instanceof BooleanVector l) {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + (l.nulls != null && l.nulls[i] ? NULL_HASH : (l.values[i] ? 1231 : 1237));
            }
        } else if (v instanceof DictionaryVector d) {
            int[] dictHash = new int[d.dictionary.size()];
            for (int c = 0; c < dictHash.length; c++) {
                dictHash[c] = hashValue(d.dictionary.get(c));
            }
            for (int i = 0; i < n; i++) {
                int code = d.codes[i];
                out[i] = out[i] * 31 + (code < 0 ? NULL_HASH : dictHash[code]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = out[i] * 31 + hashValue(v.get(i));
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
