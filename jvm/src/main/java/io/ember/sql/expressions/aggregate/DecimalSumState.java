package io.ember.sql.expressions.aggregate;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;

/** Per-group {@code sum} of decimals ({@link DecimalSums}, null once a sum overflows its type); the partial state is the sum. */
final class DecimalSumState extends GroupedState {
    private final DecimalSums sums;

    DecimalSumState(DecimalType type) {
        this.sums = new DecimalSums(type, true);
    }

    @Override
    protected void resize(int c) {
        sums.resize(c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        sums.add(g, n, inputs[0]);
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
        return sums.column(numGroups);
    }

    @Override
    public long sizeInBytes() {
        return sums.sizeInBytes();
    }
}
