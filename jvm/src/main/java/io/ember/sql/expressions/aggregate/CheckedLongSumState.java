package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/**
 * Per-group bigint sums under ANSI mode: a sum out of bigint's range (in an update or a merge of
 * partial sums) fails with Spark's {@code ARITHMETIC_OVERFLOW}, where {@link LongSumState} wraps.
 * A separate state so the wrapping loop carries no check; a group with no value is null.
 */
final class CheckedLongSumState extends GroupedState {
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        add(g, n, Vectors.longs(inputs[0]));
    }

    private void add(int[] g, int n, LongVector lv) {
        long[] v = lv.values;
        boolean[] nulls = lv.nulls;
        try {
            for (int i = 0; i < n; i++) {
                if (nulls == null || !nulls[i]) {
                    sums[g[i]] = Math.addExact(sums[g[i]], v[i]);
                    seen[g[i]] = true;
                }
            }
        } catch (ArithmeticException e) {
            throw ExpressionEvalException.arithmeticOverflow("try_add");
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        add(g, n, Vectors.longs(partials[0]));
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
        return new LongVector(DataTypes.LongType, Arrays.copyOf(sums, numGroups), nulls);
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
