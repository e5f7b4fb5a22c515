package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * Per-group boxed values folded with one function (decimal sums, min/max of strings and other
 * ordered types); null inputs are skipped and a group with no value is null. The partial state
 * is the value itself.
 */
final class ObjectFoldState extends GroupedState {
    /** The fold, serializable so that a state's function can travel with its plan. */
    interface Fold extends BinaryOperator<Object>, Serializable {}

    private final DataType type;
    private final BinaryOperator<Object> fold;
    private Object[] values = new Object[0];
    private boolean[] seen = new boolean[0];

    ObjectFoldState(DataType type, Fold fold) {
        this.type = type;
        this.fold = fold;
    }

    @Override
    protected void resize(int c) {
        values = Arrays.copyOf(values, c);
        seen = Arrays.copyOf(seen, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        for (int i = 0; i < n; i++) {
            Object v = in.get(i);
            if (v == null) continue;
            int k = g[i];
            values[k] = seen[k] ? (values[k] == null ? null : fold.apply(values[k], v)) : v;
            seen[k] = true;
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
        return Vectors.fromObjects(type, Arrays.copyOf(values, numGroups));
    }

    @Override
    public long sizeInBytes() {
        return (9L + type.defaultSize()) * capacity;
    }
}
