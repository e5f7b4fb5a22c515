package io.ember.sql.execution;

import io.ember.sql.expressions.BoundReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.io.Serializable;
import java.util.List;

/**
 * The distinct join keys a {@link RuntimeKeyFilter} collected, asked whether each row's keys
 * are among them: one int- or long-backed key over a range of up to {@link #MAX_BITS} values
 * is a bitmap (one bit test per row, and the bitmap of a million keys fits a core's cache),
 * anything else a {@link HashedRelation} of the keys. A null key is never among them.
 * Immutable once built; shared read-only by an executor's tasks.
 */
abstract class RuntimeKeySet implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The widest key range held as a bitmap (32 MB). */
    static final long MAX_BITS = 1L << 28;

    /** Writes to {@code into} the rows (of {@code n}) whose keys are in the set; returns how many. */
    abstract int select(ColumnVector[] keys, int n, int[] into);

    /** The set of the key columns' rows in {@code batches} (one column per key, of {@code types}). */
    static RuntimeKeySet of(List<ColumnBatch> batches, List<DataType> types) {
        if (types.size() == 1 && (DataTypes.isLongBacked(types.get(0)) || DataTypes.isIntBacked(types.get(0)))) {
            long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
            for (ColumnBatch b : batches) {
                ColumnVector v = b.columns()[0];
                for (int r = 0; r < b.numRows(); r++) {
                    if (!v.isNull(r)) {
                        long k = longAt(v, r);
                        lo = Math.min(lo, k);
                        hi = Math.max(hi, k);
                    }
                }
            }
            if (lo > hi) {
                return new Bitmap(0, new long[0]);
            }
            if (hi - lo >= 0 && hi - lo < MAX_BITS) {
                long[] words = new long[(int) ((hi - lo) >>> 6) + 1];
                for (ColumnBatch b : batches) {
                    ColumnVector v = b.columns()[0];
                    for (int r = 0; r < b.numRows(); r++) {
                        if (!v.isNull(r)) {
                            long at = longAt(v, r) - lo;
                            words[(int) (at >>> 6)] |= 1L << at;
                        }
                    }
                }
                return new Bitmap(lo, words);
            }
        }
        Expression[] refs = new Expression[types.size()];
        for (int k = 0; k < refs.length; k++) {
            refs[k] = new BoundReference(k, types.get(k), true);
        }
        return new Hashed(HashedRelation.build(batches, types, refs));
    }

    private static long longAt(ColumnVector v, int i) {
        if (v instanceof LongVector l) {
            return l.values[i];
        }
        return v instanceof IntVector l ? l.values[i] : ((Number) v.get(i)).longValue();
    }

    /** Bit {@code k - lo} set for each key {@code k}. */
    private static final class Bitmap extends RuntimeKeySet {
        private static final long serialVersionUID = 1L;
        private final long lo;
        private final long[] words;
        private final long bits;

        Bitmap(long lo, long[] words) {
            this.lo = lo;
            this.words = words;
            this.bits = 64L * words.length;
        }

        @Override
        int select(ColumnVector[] keys, int n, int[] into) {
            ColumnVector v = keys[0];
            int kept = 0;
            if (v instanceof LongVector l && l.nulls == null) {
                long[] vals = l.values;
                for (int i = 0; i < n; i++) {
                    long at = vals[i] - lo;
                    if (at >= 0 && at < bits && (words[(int) (at >>> 6)] & (1L << at)) != 0) {
                        into[kept++] = i;
                    }
                }
                return kept;
            }
            for (int i = 0; i < n; i++) {
                if (!v.isNull(i)) {
                    long at = longAt(v, i) - lo;
                    if (at >= 0 && at < bits && (words[(int) (at >>> 6)] & (1L << at)) != 0) {
                        into[kept++] = i;
                    }
                }
            }
            return kept;
        }
    }

    /** Any keys: those with a row in a hash relation of the keys. */
    private static final class Hashed extends RuntimeKeySet {
        private static final long serialVersionUID = 1L;
        private final HashedRelation keys;

        Hashed(HashedRelation keys) {
            this.keys = keys;
        }

        @Override
        int select(ColumnVector[] probe, int n, int[] into) {
            int[] first = new int[n];
            keys.firstRows(probe, n, first);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (first[i] >= 0) {
                    into[kept++] = i;
                }
            }
            return kept;
        }
    }
}
