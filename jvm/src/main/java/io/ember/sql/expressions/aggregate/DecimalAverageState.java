package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Per-group decimal sum and count for {@code avg} of decimals; the result rounds HALF_UP to its scale. */
final class DecimalAverageState extends GroupedState {
    private final DecimalType sumType;
    private final DecimalType resultType;
    private BigDecimal[] sums = new BigDecimal[0];
    private long[] counts = new long[0];

    DecimalAverageState(DecimalType sumType, DecimalType resultType) {
        this.sumType = sumType;
        this.resultType = resultType;
    }

    @Override
    protected void resize(int c) {
        sums = Arrays.copyOf(sums, c);
        counts = Arrays.copyOf(counts, c);
    }

    private void add(int k, BigDecimal v, long count) {
        sums[k] = sums[k] == null ? v : sums[k].add(v);
        counts[k] += count;
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        for (int i = 0; i < n; i++) {
            Object v = inputs[0].get(i);
            if (v != null) add(g[i], (BigDecimal) v, 1);
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        LongVector c = Vectors.longs(partials[1]);
        for (int i = 0; i < n; i++) {
            Object v = partials[0].get(i);
            if (v != null) add(g[i], (BigDecimal) v, c.values[i]);
        }
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        ensure(numGroups);
        Object[] s = new Object[numGroups];
        for (int i = 0; i < numGroups; i++) s[i] = Decimals.toPrecision(sums[i], sumType);
        return new ColumnVector[] {new ObjectVector(sumType, s),
            new LongVector(DataTypes.LongType, Arrays.copyOf(counts, numGroups), null)};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        Object[] out = new Object[numGroups];
        for (int i = 0; i < numGroups; i++) {
            BigDecimal sum = Decimals.toPrecision(sums[i], sumType);
            if (counts[i] > 0 && sum != null) {
                BigDecimal avg = sum.divide(BigDecimal.valueOf(counts[i]), resultType.scale(), RoundingMode.HALF_UP);
                out[i] = Decimals.toPrecision(avg, resultType);
            }
        }
        return new ObjectVector(resultType, out);
    }

    @Override
    public long sizeInBytes() {
        return 40L * capacity;
    }
}
