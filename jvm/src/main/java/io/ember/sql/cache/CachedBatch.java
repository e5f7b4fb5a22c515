package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.List;

/**
 * One batch of a cached query's result, as stored in the block manager: each column
 * encoded on its own (so a scan decodes only the columns it needs) with its statistics (so a
 * scan skips batches a filter cannot match). Immutable.
 */
public final class CachedBatch implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int numRows;
    private final EncodedColumn[] columns;
    private final ColumnStats[] stats;

    CachedBatch(int numRows, EncodedColumn[] columns, ColumnStats[] stats) {
        this.numRows = numRows;
        this.columns = columns;
        this.stats = stats;
    }

    /** Encodes a batch (its first {@code numRows} rows of every column). */
    public static CachedBatch of(ColumnBatch batch) {
        int n = batch.numRows();
        EncodedColumn[] columns = new EncodedColumn[batch.numColumns()];
        ColumnStats[] stats = new ColumnStats[columns.length];
        for (int c = 0; c < columns.length; c++) {
            ColumnEncoder.Encoded e = ColumnEncoder.encode(batch.column(c), n);
            columns[c] = e.column();
            stats[c] = e.stats();
        }
        return new CachedBatch(n, columns, stats);
    }

    public int numRows() {
        return numRows;
    }

    /** The encoded column (package-private: tests and benchmarks look at encodings). */
    EncodedColumn column(int column) {
        return columns[column];
    }

    ColumnStats stats(int column) {
        return stats[column];
    }

    /** The given columns (ordinals into the cached output) decoded, with their types, in that order. */
    public ColumnBatch decode(int[] ordinals, List<DataType> types) {
        ColumnVector[] out = new ColumnVector[ordinals.length];
        for (int i = 0; i < ordinals.length; i++) {
            out[i] = columns[ordinals[i]].decode(types.get(i), numRows);
        }
        return new ColumnBatch(out, numRows);
    }

    /** Heap bytes of the encoded columns. */
    public long sizeInBytes() {
        long bytes = 32;
        for (EncodedColumn c : columns) {
            bytes += c.sizeInBytes() + 32;
        }
        return bytes;
    }
}
