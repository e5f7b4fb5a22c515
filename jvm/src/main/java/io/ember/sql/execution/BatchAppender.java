package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.List;

/**
 * Builds a batch one row at a time from rows of other batches (merges, joins), with typed
 * copies for the common vector classes. Single-threaded; {@link #build()} hands the batch on
 * and starts a new one.
 */
final class BatchAppender {
    private final List<DataType> types;
    private final int capacity;
    private ColumnVector[] cols;
    private int rows;

    BatchAppender(List<DataType> types, int capacity) {
        this.types = List.copyOf(types);
        this.capacity = capacity;
        reset();
    }

    private void reset() {
        cols = new ColumnVector[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(types.get(c), capacity);
        }
        rows = 0;
    }

    boolean isFull() {
        return rows >= capacity;
    }

    int size() {
        return rows;
    }

    /** Appends row {@code r} of {@code src}'s columns {@code [from, from + count)} into columns starting at {@code at}. */
    void copy(ColumnVector[] src, int r, int from, int count, int at) {
        for (int c = 0; c < count; c++) {
            copyValue(src[from + c], r, cols[at + c], rows);
        }
    }

    /** Sets columns {@code [at, at+count)} of the current row to null. */
    void nulls(int at, int count) {
        for (int c = 0; c < count; c++) {
            ColumnVectors.set(cols[at + c], rows, null);
        }
    }

    /** Finishes the current row. */
    void endRow() {
        rows++;
    }

    void append(ColumnBatch b, int r) {
        copy(b.columns(), r, 0, b.numColumns(), 0);
        rows++;
    }

    static void copyValue(ColumnVector s, int r, ColumnVector d, int at) {
        if (s instanceof LongVector x && d instanceof LongVector y) {
            if (x.nulls != null && x.nulls[r]) y.setNull(at); else y.values[at] = x.values[r];
        } else if (s instanceof IntVector x && d instanceof IntVector y) {
            if (x.nulls != null && x.nulls[r]) y.setNull(at); else y.values[at] = x.values[r];
        } else if (s instanceof DoubleVector x && d instanceof DoubleVector y) {
            if (x.nulls != null && x.nulls[r]) y.setNull(at); else y.values[at] = x.values[r];
        } else if (s instanceof StringVector x && d instanceof StringVector y) {
            y.values[at] = x.values[r];
        } else if (s instanceof DecimalVector x && d instanceof DecimalVector y && x.scale() == y.scale()) {
            if (x.nulls != null && x.nulls[r]) y.setNull(at); else y.unscaled[at] = x.unscaled[r];
        } else {
            ColumnVectors.set(d, at, s.get(r));
        }
    }

    ColumnBatch build() {
        ColumnBatch out = new ColumnBatch(cols, rows);
        if (rows < capacity) {
            out = VectorOps.slice(out, 0, rows);
        }
        reset();
        return out;
    }
}
