package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;

/**
 * Row selection over vectors and batches: gather (rows by index), slice and concatenation,
 * with a copy loop per concrete vector class so the primitive paths never box. Stateless.
 */
public final class VectorOps {
    private VectorOps() {}

    /** A new vector of {@code v}'s values at {@code rows[0..n-1]}. */
    public static ColumnVector gather(ColumnVector v, int[] rows, int n) {
        if (v instanceof LongVector l) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.values[rows[i]];
            }
            return new LongVector(v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof IntVector l) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.values[rows[i]];
            }
            return new IntVector(v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof DoubleVector l) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.values[rows[i]];
            }
            return new DoubleVector(v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof FloatVector l) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.values[rows[i]];
            }
            return new FloatVector(v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof BooleanVector l) {
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.values[rows[i]];
            }
            return new BooleanVector(v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof StringVector s) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = s.values[rows[i]];
            }
            return new StringVector(v.dataType(), out);
        }
        if (v instanceof DictionaryVector d) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = d.codes[rows[i]];
            }
            return new DictionaryVector(out, d.dictionary);
        }
        if (v instanceof DecimalVector l) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = l.unscaled[rows[i]];
            }
            return new DecimalVector((DecimalType) v.dataType(), out, gatherNulls(l.nulls, rows, n));
        }
        if (v instanceof ObjectVector o) {
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = o.values[rows[i]];
            }
            return new ObjectVector(v.dataType(), out);
        }
        ColumnVector out = ColumnVectors.allocate(v.dataType(), n);
        for (int i = 0; i < n; i++) {
            ColumnVectors.set(out, i, v.get(rows[i]));
        }
        return out;
    }

    /** Like {@link #gather}, but a row index of -1 gives a null (the missing side of an outer join). */
    public static ColumnVector gatherOrNull(ColumnVector v, int[] rows, int n) {
        boolean missing = false;
        for (int i = 0; i < n && !missing; i++) {
            missing = rows[i] < 0;
        }
        if (!missing) {
            return gather(v, rows, n);
        }
        ColumnVector out = ColumnVectors.allocate(v.dataType(), n);
        for (int i = 0; i < n; i++) {
            if (rows[i] < 0) {
                ColumnVectors.set(out, i, null);
            } else {
                BatchAppender.copyValue(v, rows[i], out, i);
            }
        }
        return out;
    }

    private static boolean[] gatherNulls(boolean[] nulls, int[] rows, int n) {
        if (nulls == null) {
            return null;
        }
        boolean[] out = new boolean[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            out[i] = nulls[rows[i]];
            any |= out[i];
        }
        return any ? out : null;
    }

    /** The batch's rows {@code rows[0..n-1]}; long runs of consecutive rows are copied a run at a time ({@link RowRuns}). */
    public static ColumnBatch gather(ColumnBatch b, int[] rows, int n) {
        ColumnVector[] cols = new ColumnVector[b.numColumns()];
        RowRuns runs = RowRuns.of(rows, n);
        for (int c = 0; c < cols.length; c++) {
            cols[c] = gather(b.column(c), runs, rows, n);
        }
        return new ColumnBatch(cols, n);
    }

    private static ColumnVector gather(ColumnVector v, RowRuns runs, int[] rows, int n) {
        ColumnVector out = runs == null ? null : runs.gather(v);
        return out != null ? out : gather(v, rows, n);
    }

    /** Rows {@code from .. from+len-1} of a batch; the batch itself when that is all of it. */
    public static ColumnBatch slice(ColumnBatch b, int from, int len) {
        if (from == 0 && len == b.numRows()) {
            return b;
        }
        int[] rows = new int[len];
        for (int i = 0; i < len; i++) {
            rows[i] = from + i;
        }
        return gather(b, rows, len);
    }

    /** One batch holding the rows of {@code batches} in order (all with the same column types). */
    public static ColumnBatch concat(List<ColumnBatch> batches, List<DataType> types) {
        if (batches.size() == 1) {
            return batches.get(0);
        }
        int total = 0;
        for (ColumnBatch b : batches) {
            total += b.numRows();
        }
        ColumnVector[] cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = concatColumn(batches, c, types.get(c), total);
        }
        return new ColumnBatch(cols, total);
    }

    private static ColumnVector concatColumn(List<ColumnBatch> batches, int c, DataType type, int total) {
        ColumnVector out = type instanceof DecimalType t && allDecimalVectors(batches, c)
                ? new DecimalVector(t, new long[total], null) : ColumnVectors.allocate(type, total);
        int pos = 0;
        for (ColumnBatch b : batches) {
            ColumnVector v = b.column(c);
            int n = b.numRows();
            if (v instanceof LongVector s && out instanceof LongVector d) {
                System.arraycopy(s.values, 0, d.values, pos, n);
                copyNulls(s.nulls, n, pos, d::setNull);
            } else if (v instanceof IntVector s && out instanceof IntVector d) {
                System.arraycopy(s.values, 0, d.values, pos, n);
                copyNulls(s.nulls, n, pos, d::setNull);
            } else if (v instanceof DoubleVector s && out instanceof DoubleVector d) {
                System.arraycopy(s.values, 0, d.values, pos, n);
                copyNulls(s.nulls, n, pos, d::setNull);
            } else if (v instanceof StringVector s && out instanceof StringVector d) {
                System.arraycopy(s.values, 0, d.values, pos, n);
            } else if (v instanceof DictionaryVector s && out instanceof StringVector d) {
                for (int i = 0; i < n; i++) {
                    d.values[pos + i] = s.getString(i);   // the dictionary's own instances, hashes cached
                }
            } else if (v instanceof ObjectVector s && out instanceof ObjectVector d) {
                System.arraycopy(s.values, 0, d.values, pos, n);
            } else if (v instanceof DecimalVector s && out instanceof DecimalVector d && s.scale() == d.scale()) {
                System.arraycopy(s.unscaled, 0, d.unscaled, pos, n);
                copyNulls(s.nulls, n, pos, d::setNull);
            } else {
                for (int i = 0; i < n; i++) {
                    ColumnVectors.set(out, pos + i, v.get(i));
                }
            }
            pos += n;
        }
        return out;
    }

    /** Whether column {@code c} is a compact decimal in every batch (then so is their concatenation, whatever the precision). */
    private static boolean allDecimalVectors(List<ColumnBatch> batches, int c) {
        for (ColumnBatch b : batches) {
            if (!(b.column(c) instanceof DecimalVector)) {
                return false;
            }
        }
        return true;
    }

    private interface NullSetter {
        void setNull(int i);
    }

    private static void copyNulls(boolean[] nulls, int n, int pos, NullSetter d) {
        if (nulls != null) {
            for (int i = 0; i < n; i++) {
                if (nulls[i]) {
                    d.setNull(pos + i);
                }
            }
        }
    }

    /** The rows where a boolean predicate vector is true (not null, not false). */
    public static int selectTrue(ColumnVector predicate, int numRows, int[] into) {
        int n = 0;
        if (predicate instanceof BooleanVector b) {
            boolean[] nulls = b.nulls;
            for (int i = 0; i < numRows; i++) {
                if (b.values[i] && (nulls == null || !nulls[i])) {
                    into[n++] = i;
                }
            }
            return n;
        }
        for (int i = 0; i < numRows; i++) {
            if (!predicate.isNull(i) && predicate.getBoolean(i)) {
                into[n++] = i;
            }
        }
        return n;
    }

    /**
     * Keeps the entries of {@code rows[0..n-1]} whose position in {@code predicate} (a vector
     * of {@code n} values, one per entry) is true, in order, and returns how many remain.
     */
    public static int compactTrue(ColumnVector predicate, int[] rows, int n) {
        int m = 0;
        if (predicate instanceof BooleanVector b) {
            boolean[] values = b.values;
            boolean[] nulls = b.nulls;
            for (int i = 0; i < n; i++) {
                if (values[i] && (nulls == null || !nulls[i])) {
                    rows[m++] = rows[i];
                }
            }
            return m;
        }
        for (int i = 0; i < n; i++) {
            if (!predicate.isNull(i) && predicate.getBoolean(i)) {
                rows[m++] = rows[i];
            }
        }
        return m;
    }

    /** Columns {@code columns} of {@code b} at {@code rows[0..n-1]}, in the order given. */
    public static ColumnBatch gather(ColumnBatch b, int[] columns, int[] rows, int n) {
        ColumnVector[] cols = new ColumnVector[columns.length];
        RowRuns runs = columns.length == 0 ? null : RowRuns.of(rows, n);
        for (int c = 0; c < cols.length; c++) {
            cols[c] = gather(b.column(columns[c]), runs, rows, n);
        }
        return new ColumnBatch(cols, n);
    }

    /** A vector whose values are decoded from a dictionary, or {@code v} itself. */
    public static ColumnVector decode(ColumnVector v) {
        if (!(v instanceof DictionaryVector d)) {
            return v;
        }
        int n = d.size();
        ColumnVector out = ColumnVectors.allocate(d.dataType(), n);
        for (int i = 0; i < n; i++) {
            ColumnVectors.set(out, i, d.get(i));
        }
        return out;
    }

    static int[] identity(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }
}
