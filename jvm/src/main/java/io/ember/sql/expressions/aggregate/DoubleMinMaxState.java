package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import java.util.Arrays;

/** Per-group min or max of doubles, NaN being the largest value as in Spark. */
final class DoubleMinMaxState extends GroupedState {
    private final boolean max;
    private double[] best = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleMinMaxState(boolean max) {
        this.max = max;
    }

    @Override
    protected void resize(int c) {
        best = Arrays.copyOf(best, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        DoubleVector dv = Vectors.doubles(inputs[0]);
        for (int i = 0; i < n; i++) {
            if (dv.nulls != null && dv.nulls[i]) continue;
            int k = g[i];
            double v = dv.values[i];
            if (!seen[k]) {
                best[k] = v;
                seen[k] = true;
            } else {
                int c = SqlOrdering.compareDoubles(v, best[k]);
                if (max ? c > 0 : c < 0) best[k] = v;
            }
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        update(g, n, partials);
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        return new ColumnVector[] {result(numGroups)};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        DoubleVector out = new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(best, numGroups), null);
        for (int i = 0; i < numGroups; i++) {
            if (!seen[i]) out.setNull(i);
        }
        return out;
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
