package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * The rows an exchange's map task has routed to one target partition and not yet written: one
 * {@link ColumnAppender} per column, chosen by the vector class of the first rows it receives
 * (a column whose vector class changes later moves to a {@link GatheredColumnAppender}).
 * Single-threaded (one map task).
 */
final class PartitionBuffer {
    private final List<DataType> types;
    private ColumnAppender[] columns;
    private int rows;
    /** Encoded bytes per row of the last write, to size the next one's buffer. */
    private double bytesPerRow;

    PartitionBuffer(List<DataType> types) {
        this.types = types;
        this.bytesPerRow = 8.0 * types.size();
    }

    int rows() {
        return rows;
    }

    /**
     * Appends column {@code c} of rows {@code order[from..to)} of a batch; once every column
     * has been appended, {@link #added} counts the rows.
     */
    void append(int c, ColumnVector v, int[] order, int from, int to) {
        if (columns == null) {
            columns = new ColumnAppender[types.size()];
        }
        ColumnAppender a = columns[c];
        if (a == null) {
            a = columns[c] = ColumnAppender.forVector(types.get(c), v);
        } else if (!a.accepts(v)) {
            a = columns[c] = new GatheredColumnAppender(types.get(c), a.toVector(rows), rows);
        }
        a.append(v, order, from, to, rows);
    }

    /** Counts {@code n} rows whose every column has been appended. */
    void added(int n) {
        rows += n;
    }

    /**
     * Encodes the held rows as one batch ({@link BatchCodec}'s format) and empties the buffer;
     * {@code release} also drops the arrays instead of keeping them for the next rows.
     */
    byte[] encode(boolean release) {
        ByteSink out = new ByteSink(64 + (int) Math.min(1 << 24, bytesPerRow * 1.1 * rows));
        BatchCodec.writeHeader(out, rows, types.size());
        if (columns != null) {
            for (ColumnAppender a : columns) {
                a.write(out, rows);
            }
        }
        if (rows > 0) {
            bytesPerRow = (double) out.size() / rows;
        }
        rows = 0;
        if (release) {
            columns = null;
        }
        return out.toByteArray();
    }
}
