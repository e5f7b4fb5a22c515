package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/** Per-group min or max of int- or long-backed values (ints, dates, bigints, timestamps). */
final class LongMinMaxState extends GroupedState {
    private final DataType type;
    private final boolean max;
    private long[] best = new long[0];
    private boolean[] seen = new boolean[0];

    LongMinMaxState(DataType type, boolean max) {
        this.type = type;
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
        ColumnVector in = inputs[0];
        if (in instanceof IntVector iv) {
            for (int i = 0; i < n; i++) {
                if (iv.nulls == null || !iv.nulls[i]) fold(g[i], iv.values[i]);
            }
        } else {
            LongVector lv = Vectors.longs(in);
            for (int i = 0; i < n; i++) {
                if (lv.nulls == null || !lv.nulls[i]) fold(g[i], lv.values[i]);
            }
        }
    }

    private void fold(int k, long v) {
        if (!seen[k]) {
            best[k] = v;
            seen[k] = true;
        } else if (max ? v > best[k] : v < best[k]) {
            best[k] = v;
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
        boolean[] nulls = null;
        for (int i = 0; i < numGroups; i++) {
            if (!seen[i]) {
                if (nulls == null) nulls = new boolean[numGroups];
                nulls[i] = true;
            }
        }
        if (DataTypes.isIntBacked(type)) {
            int[] out = new int[numGroups];
            for (int i = 0; i < numGroups; i++) out[i] = (int) best[i];
            return new IntVector(type, out, nulls);
        }
        return new LongVector(type, Arrays.copyOf(best, numGroups), nulls);
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
