package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/**
 * A long-backed column ({@link LongVector}) or a compact decimal column ({@link
 * DecimalVector}, one scale) of an exchange's map task: both hold a {@code long[]} per
 * partition and encode as frame-of-reference packed longs. Single-threaded.
 */
final class LongColumnScatter extends PartitionArrays {
    private final boolean decimal;
    private final long[][] values;

    /** {@code decimal}: takes {@link DecimalVector}s of {@code type}'s scale, else {@link LongVector}s. */
    LongColumnScatter(DataType type, boolean decimal, int partitions) {
        super(type, partitions);
        this.decimal = decimal;
        this.values = new long[partitions][];
        Arrays.fill(values, new long[0]);
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return decimal ? v instanceof DecimalVector d && d.scale() == ((DecimalType) type).scale() : v instanceof LongVector;
    }

    @Override
    void resize(int p, int capacity) {
        values[p] = Arrays.copyOf(values[p], capacity);
    }

    @Override
    public void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at) {
        long[] src;
        boolean[] srcNulls;
        if (v instanceof DecimalVector d) {
            src = d.unscaled;
            srcNulls = d.nulls;
        } else {
            LongVector l = (LongVector) v;
            src = l.values;
            srcNulls = l.nulls;
        }
        ensure(held, counts);
        long[][] dst = values;
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
        long[] v = Arrays.copyOf(values[p], held);
        boolean[] n = nullsCopy(p, held);
        return decimal ? new DecimalVector((DecimalType) type, v, n) : new LongVector(type, v, n);
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        boolean[] n = nulls(p);
        if (decimal) {
            BatchCodec.writeDecimals(out, values[p], n, held);
        } else {
            BatchCodec.writeLongs(out, values[p], n, held);
        }
        clearNulls(p, held);
    }
}
