package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Base of the statistics of one double column computed from its count, mean and central moment
 * sums up to {@link #order} (2 for variance, 4 for skewness and kurtosis), merged with Pébay's
 * formulas (Chan's at order 2). Subclasses say only which statistic the moments give.
 * Immutable; each state it makes is owned by one task.
 */
abstract class MomentAggregate extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    protected final Expression child;
    private final int order;

    MomentAggregate(Expression child, int order) {
        this.child = child;
        this.order = order;
    }

    /** One group's statistic from its count and central moment sums (m3, m4 are 0 below order 4); null for none. */
    protected abstract Double statistic(double n, double m2, double m3, double m4);

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.DOUBLE);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return Collections.nCopies(order + 1, DataTypes.DoubleType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    /** Columns: count, mean, then the sums of the 2nd to {@code order}th powers of the deviations. */
    private final class State extends GroupedState {
        private final double[][] s = new double[order + 1][0];

        @Override
        protected void resize(int c) {
            for (int i = 0; i <= order; i++) s[i] = Arrays.copyOf(s[i], c);
        }

        private void combine(int k, double nb, double mb, double m2b, double m3b, double m4b) {
            if (nb == 0) return;
            double na = s[0][k];
            double n = na + nb;
            double d = mb - s[1][k];
            double d2 = d * d;
            double m2a = s[2][k];
            if (order == 4) {
                double m3a = s[3][k];
                s[4][k] += m4b + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
                        + 6 * d2 * (na * na * m2b + nb * nb * m2a) / (n * n) + 4 * d * (na * m3b - nb * m3a) / n;
                s[3][k] = m3a + m3b + d * d2 * na * nb * (na - nb) / (n * n) + 3 * d * (na * m2b - nb * m2a) / n;
            }
            s[2][k] = m2a + (m2b + d2 * na * nb / n);
            s[1][k] += d * nb / n;
            s[0][k] = n;
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            DoubleVector v = Vectors.doubles(in[0]);
            for (int i = 0; i < rows; i++) {
                if (!v.isNull(i)) combine(g[i], 1, v.values[i], 0, 0, 0);
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            double[][] v = new double[5][];
            for (int i = 0; i < 5; i++) v[i] = i <= order ? Vectors.doubles(p[i]).values : new double[rows];
            for (int r = 0; r < rows; r++) combine(g[r], v[0][r], v[1][r], v[2][r], v[3][r], v[4][r]);
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            ColumnVector[] out = new ColumnVector[order + 1];
            for (int i = 0; i <= order; i++) out[i] = new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(s[i], groups), null);
            return out;
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            DoubleVector out = new DoubleVector(DataTypes.DoubleType, groups);
            for (int k = 0; k < groups; k++) {
                Double r = statistic(s[0][k], s[2][k], order == 4 ? s[3][k] : 0, order == 4 ? s[4][k] : 0);
                if (r == null) out.setNull(k);
                else out.values[k] = r;
            }
            return out;
        }

        @Override
        public long sizeInBytes() {
            return 8L * (order + 1) * capacity;
        }
    }
}
