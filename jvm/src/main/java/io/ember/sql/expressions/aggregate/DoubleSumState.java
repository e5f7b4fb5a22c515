package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.Arrays;

/** Per-group double sums of float or double inputs; a group with no value is null. */
final class DoubleSumState extends GroupedState {
    private double[] sums = new double[0];
    private boolean[] seen = new boolean[0];

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        add(g, n, Vectors.doubles(in));
    }

    private void add(int[] g, int n, io.ember.sql.vector.DoubleVector lv) {
        double[] v = lv.values;
        boolean[] nulls = lv.nulls;
        for (int i = 0; i < n; i++) {
            if (nulls == null || !nulls[i]) {
                sums[g[i]] += v[i];
                seen[g[i]] = true;
            }
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        add(g, n, Vectors.doubles(partials[0]));
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        return new ColumnVector[] {result(numGroups)};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        boolean[] nulls = null;
        for (int i = 0; i < numGroups; i++) {
            if (!seen[i]) {
                if (nulls == null) nulls = new boolean[numGroups];
                nulls[i] = true;
            }
        }
        return new io.ember.sql.vector.DoubleVector(DataTypes.DoubleType, Arrays.copyOf(sums, numGroups), nulls);
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
