package io.ember.sql.expressions.aggregate;

import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;

/** Per-group {@code sum} of decimals ({@link DecimalSums}, null once a sum overflows its type); the partial state is the sum. */
final class DecimalSumState extends GroupedState {
    private final DecimalSums sums;

    DecimalSumState(DecimalType type) {
        this(new DecimalSums(type, true, false));
    }

    private DecimalSumState(DecimalSums sums) {
        this.sums = sums;
    }

    /** Under ANSI with keys: a group whose running sum leaves the type fails ({@code ARITHMETIC_OVERFLOW}). */
    static DecimalSumState failingAtOnce(DecimalType type) {
        return new DecimalSumState(new DecimalSums(type, true, true));
    }

    /** Under ANSI without keys: exact sums; one that does not fit when read fails ({@code NUMERIC_VALUE_OUT_OF_RANGE}). */
    static DecimalSumState failingAtEnd(DecimalType type) {
        return new DecimalSumState(new DecimalSums(type, false, true));
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
