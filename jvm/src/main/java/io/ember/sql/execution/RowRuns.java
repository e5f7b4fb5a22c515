package io.ember.sql.execution;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;

/**
 * A selection of rows (ascending indices) seen as runs of consecutive rows, so a gather copies
 * each run with one {@code System.arraycopy} instead of one indexed load and store per row. A
 * filter that keeps most rows (TPC-H q1's keeps 98%) selects long runs; the engine's JIT (C1)
 * compiles the per-row loop without unrolling or vectorizing, while {@code arraycopy} is an
 * intrinsic. Only worth it when runs are long, so {@link #of} gives up early otherwise.
 * Immutable once made; one per gathered selection.
 */
final class RowRuns {
    /** Runs shorter than this on average are gathered row by row. */
    static final int MIN_AVERAGE_RUN = 16;

    private final int[] starts;
    private final int[] lengths;
    private final int count;
    private final int rows;

    private RowRuns(int[] starts, int[] lengths, int count, int rows) {
        this.starts = starts;
        this.lengths = lengths;
        this.count = count;
        this.rows = rows;
    }

    /**
     * The runs of {@code rows[0..n-1]} (strictly ascending), or null when they would average fewer
     * than {@link #MIN_AVERAGE_RUN} rows; stops scanning as soon as that is certain.
     */
    static RowRuns of(int[] rows, int n) {
        int max = n / MIN_AVERAGE_RUN;
        if (max == 0) {
            return null;
        }
        int[] starts = new int[max];
        int[] lengths = new int[max];
        int count = 0;
        int i = 0;
        while (i < n) {
            if (count == max) {
                return null;
            }
            int start = rows[i];
            int j = i + 1;
            while (j < n && rows[j] == start + (j - i)) {
                j++;
            }
            starts[count] = start;
            lengths[count] = j - i;
            count++;
            i = j;
        }
        return new RowRuns(starts, lengths, count, n);
    }

    /** {@code v}'s values at the selected rows, as {@link VectorOps#gather} makes them; null for a vector class it does not copy. */
    ColumnVector gather(ColumnVector v) {
        if (v instanceof LongVector l) {
            return new LongVector(v.dataType(), copy(l.values, new long[rows]), nulls(l.nulls));
        }
        if (v instanceof IntVector l) {
            return new IntVector(v.dataType(), copy(l.values, new int[rows]), nulls(l.nulls));
        }
        if (v instanceof DoubleVector l) {
            return new DoubleVector(v.dataType(), copy(l.values, new double[rows]), nulls(l.nulls));
        }
        if (v instanceof FloatVector l) {
            return new FloatVector(v.dataType(), copy(l.values, new float[rows]), nulls(l.nulls));
        }
        if (v instanceof BooleanVector l) {
            return new BooleanVector(v.dataType(), copy(l.values, new boolean[rows]), nulls(l.nulls));
        }
        if (v instanceof DecimalVector l) {
            return new DecimalVector((DecimalType) v.dataType(), copy(l.unscaled, new long[rows]), nulls(l.nulls));
        }
        if (v instanceof StringVector s) {
            return new StringVector(v.dataType(), copy(s.values, new String[rows]));
        }
        if (v instanceof DictionaryVector d) {
            return new DictionaryVector(copy(d.codes, new int[rows]), d.dictionary);
        }
        if (v instanceof ObjectVector o) {
            return new ObjectVector(v.dataType(), copy(o.values, new Object[rows]));
        }
        return null;
    }

    /** Copies the runs of {@code from} into {@code to} (an array of the same component type) and returns it. */
    private <A> A copy(A from, A to) {
        int at = 0;
        for (int r = 0; r < count; r++) {
            System.arraycopy(from, starts[r], to, at, lengths[r]);
            at += lengths[r];
        }
        return to;
    }

    /** The selected rows' null flags, or null when none of them is null (as {@link VectorOps#gather} gives). */
    private boolean[] nulls(boolean[] nulls) {
        if (nulls == null) {
            return null;
        }
        boolean[] out = copy(nulls, new boolean[rows]);
        for (boolean b : out) {
            if (b) {
                return out;
            }
        }
        return null;
    }
}
