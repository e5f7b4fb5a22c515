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
final class LongColumnScatter implements ColumnScatter {
    private final DataType type;
    private final boolean decimal;
    private final long[][] values;
    /** {@code values[p].length}, kept apart so that sizing does not touch every partition's array. */
    private final int[] capacity;
    private final boolean[][] nulls;
    private final boolean[] anyNull;

    /** {@code decimal}: takes {@link DecimalVector}s of {@code type}'s scale, else {@link LongVector}s. */
    LongColumnScatter(DataType type, boolean decimal, int partitions) {
        this.type = type;
        this.decimal = decimal;
        this.values = new long[partitions][];
        this.capacity = new int[partitions];
        this.nulls = new boolean[partitions][];
        this.anyNull = new boolean[partitions];
        Arrays.fill(values, new long[0]);
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return decimal ? v instanceof DecimalVector d && d.scale() == ((DecimalType) type).scale() : v instanceof LongVector;
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

    private void markNull(int p, int k) {
        if (nulls[p] == null) {
            nulls[p] = new boolean[values[p].length];
        }
        nulls[p][k] = true;
        anyNull[p] = true;
    }

    @Override
    public ColumnVector toVector(int p, int held) {
        long[] v = Arrays.copyOf(values[p], held);
        boolean[] n = anyNull[p] ? Arrays.copyOf(nulls[p], held) : null;
        return decimal ? new DecimalVector((DecimalType) type, v, n) : new LongVector(type, v, n);
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        boolean[] n = anyNull[p] ? nulls[p] : null;
        if (decimal) {
            BatchCodec.writeDecimals(out, values[p], n, held);
        } else {
            BatchCodec.writeLongs(out, values[p], n, held);
        }
        if (anyNull[p]) {
            Arrays.fill(nulls[p], 0, held, false);
            anyNull[p] = false;
        }
    }
}
