package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import java.util.Arrays;

/** A double column ({@link DoubleVector}) of an exchange's map task, an array per partition. Single-threaded. */
final class DoubleColumnScatter extends PartitionArrays {
    private final double[][] values;

    DoubleColumnScatter(DataType type, int partitions) {
        super(type, partitions);
        this.values = new double[partitions][];
        Arrays.fill(values, new double[0]);
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof DoubleVector;
    }

    @Override
    void resize(int p, int capacity) {
        values[p] = Arrays.copyOf(values[p], capacity);
    }

    @Override
    public void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at) {
        DoubleVector vector = (DoubleVector) v;
        double[] src = vector.values;
        boolean[] srcNulls = vector.nulls;
        ensure(held, counts);
        double[][] dst = values;
        System.arraycopy(held, 0, at, 0, held.length);
        if (srcNulls == null) {
            for (int i = 0; i < n; i++) {
                int p = pids[i];
                dst[p][at[p]++] = src[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int p = pids[i];
            int k = at[p]++;
            dst[p][k] = src[i];
            if (srcNulls[i]) {
                markNull(p, k);
            }
        }
    }

    @Override
    public ColumnVector toVector(int p, int held) {
        return new DoubleVector(type, Arrays.copyOf(values[p], held), nullsCopy(p, held));
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        BatchCodec.writeDoubles(out, values[p], nulls(p), held);
        clearNulls(p, held);
    }
}
