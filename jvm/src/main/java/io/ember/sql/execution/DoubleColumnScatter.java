package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import java.util.Arrays;

/** A double column ({@link DoubleVector}) of an exchange's map task, an array per partition. Single-threaded. */
final class DoubleColumnScatter implements ColumnScatter {
    private final DataType type;
    private final double[][] values;
    /** {@code values[p].length}, kept apart so that sizing does not touch every partition's array. */
    private final int[] capacity;
    private final boolean[][] nulls;
    private final boolean[] anyNull;

    DoubleColumnScatter(DataType type, int partitions) {
        this.type = type;
        this.values = new double[partitions][];
        this.capacity = new int[partitions];
        this.nulls = new boolean[partitions][];
        this.anyNull = new boolean[partitions];
        Arrays.fill(values, new double[0]);
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof DoubleVector;
    }

    @Override
    public void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at) {
        DoubleVector vector = (DoubleVector) v;
        double[] src = vector.values;
        boolean[] srcNulls = vector.nulls;
        int[] cap = capacity;
        for (int p = 0; p < cap.length; p++) {
            int need = held[p] + counts[p];
            if (need > cap[p]) {
                cap[p] = ColumnScatter.grow(cap[p], need);
                values[p] = Arrays.copyOf(values[p], cap[p]);
                if (nulls[p] != null) {
                    nulls[p] = Arrays.copyOf(nulls[p], values[p].length);
                }
            }
        }
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
                if (nulls[p] == null) {
                    nulls[p] = new boolean[values[p].length];
                }
                nulls[p][k] = true;
                anyNull[p] = true;
            }
        }
    }

    @Override
    public ColumnVector toVector(int p, int held) {
        return new DoubleVector(type, Arrays.copyOf(values[p], held), anyNull[p] ? Arrays.copyOf(nulls[p], held) : null);
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        BatchCodec.writeDoubles(out, values[p], anyNull[p] ? nulls[p] : null, held);
        if (anyNull[p]) {
            Arrays.fill(nulls[p], 0, held, false);
            anyNull[p] = false;
        }
    }
}
