package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends a column of any other vector class (booleans, floats, nested and boxed values), or
 * a column whose vector class changed between input batches: it gathers each batch's rows into
 * a piece and concatenates the pieces when the partition is written. Single-threaded.
 */
final class GatheredColumnAppender implements ColumnAppender {
    private final DataType type;
    private final List<ColumnBatch> pieces = new ArrayList<>();

    GatheredColumnAppender(DataType type) {
        this.type = type;
    }

    /** Starts from rows another appender held. */
    GatheredColumnAppender(DataType type, ColumnVector held, int rows) {
        this(type);
        if (rows > 0) {
            pieces.add(new ColumnBatch(new ColumnVector[] {held}, rows));
        }
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return true;
    }

    @Override
    public void append(ColumnVector v, int[] rows, int from, int to, int held) {
        int n = to - from;
        int[] picked = new int[n];
        System.arraycopy(rows, from, picked, 0, n);
        pieces.add(new ColumnBatch(new ColumnVector[] {VectorOps.gather(v, picked, n)}, n));
    }

    @Override
    public ColumnVector toVector(int held) {
        return VectorOps.concat(pieces, List.of(type)).column(0);
    }

    @Override
    public void write(ByteSink out, int held) {
        BatchCodec.writeColumn(out, toVector(held), held);
        pieces.clear();
    }
}
