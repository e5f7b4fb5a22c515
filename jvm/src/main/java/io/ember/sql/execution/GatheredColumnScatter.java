package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of any other vector class (booleans, floats, nested and boxed values), or one whose
 * vector class changed between input batches: each batch's rows of a partition are gathered into
 * a piece, and a partition's pieces are concatenated when it is written. Single-threaded.
 */
final class GatheredColumnScatter implements ColumnScatter {
    private final DataType type;
    private final List<List<ColumnBatch>> pieces = new ArrayList<>();

    GatheredColumnScatter(DataType type, int partitions) {
        this.type = type;
        for (int p = 0; p < partitions; p++) {
            pieces.add(new ArrayList<>());
        }
    }

    /** Takes over the rows another holder had for each partition ({@code held[p]} of partition p). */
    static GatheredColumnScatter from(ColumnScatter other, DataType type, int[] held) {
        GatheredColumnScatter g = new GatheredColumnScatter(type, held.length);
        for (int p = 0; p < held.length; p++) {
            if (held[p] > 0) {
                g.pieces.get(p).add(new ColumnBatch(new ColumnVector[] {other.toVector(p, held[p])}, held[p]));
            }
        }
        return g;
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return true;
    }

    @Override
    public void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at) {
        int[][] rows = new int[held.length][];
        for (int p = 0; p < rows.length; p++) {
            rows[p] = counts[p] == 0 ? null : new int[counts[p]];
            at[p] = 0;
        }
        for (int i = 0; i < n; i++) {
            rows[pids[i]][at[pids[i]]++] = i;
        }
        for (int p = 0; p < rows.length; p++) {
            if (rows[p] != null) {
                pieces.get(p).add(new ColumnBatch(new ColumnVector[] {VectorOps.gather(v, rows[p], counts[p])}, counts[p]));
            }
        }
    }

    @Override
    public ColumnVector toVector(int p, int held) {
        return VectorOps.concat(pieces.get(p), List.of(type)).column(0);
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        BatchCodec.writeColumn(out, toVector(p, held), held);
        pieces.get(p).clear();
    }
}
