package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import io.ember.sql.vector.PrimitiveVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Per-group decimal sum ({@link DecimalSums}) and count for {@code avg} of decimals; the result rounds HALF_UP to its scale. */
final class DecimalAverageState extends GroupedState {
    private final DecimalType resultType;
    private final DecimalSums sums;
    private long[] counts = new long[0];

    DecimalAverageState(DecimalType sumType, DecimalType resultType) {
        this.resultType = resultType;
        this.sums = new DecimalSums(sumType, false, false);
    }

    @Override
    protected void resize(int c) {
        sums.resize(c);
        counts = Arrays.copyOf(counts, c);
    }

    @Override
    public void update(int[] g, int n, ColumnVector[] inputs) {
        ensure(g, n);
        ColumnVector in = inputs[0];
        sums.add(g, n, in);
        boolean[] nulls = in instanceof PrimitiveVector pv ? pv.nulls : null;
        if (nulls == null && in instanceof PrimitiveVector) {
            for (int i = 0; i < n; i++) counts[g[i]]++;
        } else {
            for (int i = 0; i < n; i++) {
                if (!in.isNull(i)) counts[g[i]]++;
            }
        }
    }

    @Override
    public void merge(int[] g, int n, ColumnVector[] partials) {
        ensure(g, n);
        sums.add(g, n, partials[0]);
        LongVector c = Vectors.longs(partials[1]);
        for (int i = 0; i < n; i++) {
            if (!partials[0].isNull(i)) counts[g[i]] += c.values[i];
        }
    }

    @Override
    public ColumnVector[] partials(int numGroups) {
        ensure(numGroups);
        return new ColumnVector[] {sums.column(numGroups),
            new LongVector(DataTypes.LongType, Arrays.copyOf(counts, numGroups), null)};
    }

    @Override
    public ColumnVector result(int numGroups) {
        ensure(numGroups);
        Object[] out = new Object[numGroups];
        for (int i = 0; i < numGroups; i++) {
            BigDecimal sum = sums.get(i);
            if (counts[i] > 0 && sum != null) {
                BigDecimal avg = sum.divide(BigDecimal.valueOf(counts[i]), resultType.scale(), RoundingMode.HALF_UP);
                out[i] = Decimals.toPrecision(avg, resultType);
            }
        }
        return new ObjectVector(resultType, out);
    }

    @Override
    public long sizeInBytes() {
        return sums.sizeInBytes() + 8L * capacity;
    }
}
