package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;
import java.util.Map;

/**
 * Per-group sums of {@link IntervalSum}: exact bigint sums (partials are bigint), checked
 * against the interval type's range when the result is made; a group with no value is null.
 * Not thread-safe: one task owns a state.
 */
final class IntervalSumState extends GroupedState {
    private final DataType type;
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    IntervalSumState(DataType type) {
        this.type = type;
    }

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        if (in instanceof IntVector iv) {
            for (int i = 0; i < n; i++) {
                if (iv.nulls == null || !iv.nulls[i]) add(g[i], iv.values[i]);
            }
        } else {
            add(g, n, Vectors.longs(in));
        }
    }

    private void add(int[] g, int n, LongVector lv) {
        for (int i = 0; i < n; i++) {
            if (lv.nulls == null || !lv.nulls[i]) add(g[i], lv.values[i]);
        }
    }

    private void add(int group, long v) {
        try {
            sums[group] = Math.addExact(sums[group], v);
        } catch (ArithmeticException e) {
            throw overflow();
        }
        seen[group] = true;
    }

    static ExpressionEvalException overflow() {
        return new ExpressionEvalException("INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION",
                "Integer overflow while operating with intervals. Use `try_add` to tolerate overflow and return NULL "
                        + "instead.", Map.of("functionName", "`try_add`"));
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        add(g, n, Vectors.longs(partials[0]));
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        ensure(numGroups);
        return new ColumnVector[] {new LongVector(DataTypes.LongType, Arrays.copyOf(sums, numGroups), nulls(numGroups))};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        boolean[] nulls = nulls(numGroups);
        if (DataTypes.isLongBacked(type)) {
            return new LongVector(type, Arrays.copyOf(sums, numGroups), nulls);
        }
        int[] months = new int[numGroups];
        for (int i = 0; i < numGroups; i++) {
            if (sums[i] != (int) sums[i]) throw overflow();
            months[i] = (int) sums[i];
        }
        return new IntVector(type, months, nulls);
    }

    private boolean[] nulls(int numGroups) {
        boolean[] nulls = null;
        for (int i = 0; i < numGroups; i++) {
            if (!seen[i]) {
                if (nulls == null) nulls = new boolean[numGroups];
                nulls[i] = true;
            }
        }
        return nulls;
    }

    @Override
    public long sizeInBytes() {
        return 9L * capacity;
    }
}
