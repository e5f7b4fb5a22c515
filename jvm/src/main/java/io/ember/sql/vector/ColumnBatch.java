package io.ember.sql.vector;

import java.io.Serializable;

/**
 * The unit of columnar execution: {@code numRows} rows held as one vector per column, in the
 * order of the producing operator's output attributes. Operators pull batches from their
 * children and hand on new ones; a batch is not changed after it is handed on.
 */
public record ColumnBatch(ColumnVector[] columns, int numRows) implements Serializable {
    /** Rows per batch that scans and operators aim for. */
    public static final int DEFAULT_ROWS = 4096;

    public ColumnVector column(int i) {
        return columns[i];
    }

    public int numColumns() {
        return columns.length;
    }

    /** A batch of {@code numRows} rows and no columns (what {@code count(*)} reads). */
    public static ColumnBatch empty(int numRows) {
        return new ColumnBatch(new ColumnVector[0], numRows);
    }

    public long sizeInBytes() {
        long bytes = 0;
        for (ColumnVector c : columns) {
            bytes += c.sizeInBytes();
        }
        return bytes;
    }
}
