package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/** Per-group double sum and count for {@code avg}; partials are (sum double, count bigint). */
final class DoubleAverageState extends GroupedState {
    private double[] sums = new double[0];
    private long[] counts = new long[0];

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        counts = Arrays.copyOf(counts, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        if (in instanceof IntVector iv) {
            for (int i = 0; i < n; i++) {
                if (iv.nulls == null || !iv.nulls[i]) {
                    sums[g[i]] += iv.values[i];
                    counts[g[i]]++;
                }
            }
            return;
        }
        if (in instanceof LongVector lv) {
            for (int i = 0; i < n; i++) {
                if (lv.nulls == null || !lv.nulls[i]) {
                    sums[g[i]] += lv.values[i];
                    counts[g[i]]++;
                }
            }
            return;
        }
        DoubleVector dv = Vectors.doubles(in);
        for (int i = 0; i < n; i++) {
            if (dv.nulls == null || !dv.nulls[i]) {
                sums[g[i]] += dv.values[i];
                counts[g[i]]++;
            }
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        DoubleVector s = Vectors.doubles(partials[0]);
        LongVector c = Vectors.longs(partials[1]);
        for (int i = 0; i < n; i++) {
            sums[g[i]] += s.values[i];
            counts[g[i]] += c.values[i];
        }
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        ensure(numGroups);
        return new ColumnVector[] {
            new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(sums, numGroups), null),
            new LongVector(DataTypes.LongType, Arrays.copyOf(counts, numGroups), null)
        };
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        DoubleVector out = new DoubleVector(DataTypes.DoubleType, numGroups);
        for (int i = 0; i < numGroups; i++) {
            if (counts[i] == 0) out.setNull(i); else out.values[i] = sums[i] / counts[i];
        }
        return out;
    }

    @Override
    public long sizeInBytes() {
        return 16L * capacity;
    }
}
