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
import java.util.List;

/**
 * {@code skewness} and {@code kurtosis} (excess, population) from the count, mean and central
 * moments 2 to 4, merged with Pébay's formulas; null for no values or zero variance.
 */
public final class HigherMoment extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean kurtosis;

    public HigherMoment(Expression child, boolean kurtosis) {
        this.child = child;
        this.kurtosis = kurtosis;
    }

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
        return java.util.Collections.nCopies(5, DataTypes.DoubleType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return (kurtosis ? "kurtosis(" : "skewness(") + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new HigherMoment(c.get(0), kurtosis);
    }

    @Override
    protected List<Object> args() {
        return List.of(kurtosis);
    }

    private final class State extends GroupedState {
        private double[][] s = new double[5][0];

        @Override
        protected void resize(int c) {
            for (int i = 0; i < 5; i++) s[i] = Arrays.copyOf(s[i], c);
        }

        private void combine(int k, double nb, double mb, double m2b, double m3b, double m4b) {
            if (nb == 0) return;
            double na = s[0][k];
            double n = na + nb;
            double d = mb - s[1][k];
            double d2 = d * d;
            double m2a = s[2][k];
            double m3a = s[3][k];
            s[4][k] += m4b + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
                    + 6 * d2 * (na * na * m2b + nb * nb * m2a) / (n * n) + 4 * d * (na * m3b - nb * m3a) / n;
            s[3][k] = m3a + m3b + d * d2 * na * nb * (na - nb) / (n * n) + 3 * d * (na * m2b - nb * m2a) / n;
            s[2][k] = m2a + m2b + d2 * na * nb / n;
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
            for (int i = 0; i < 5; i++) v[i] = Vectors.doubles(p[i]).values;
            for (int r = 0; r < rows; r++) combine(g[r], v[0][r], v[1][r], v[2][r], v[3][r], v[4][r]);
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            ColumnVector[] out = new ColumnVector[5];
            for (int i = 0; i < 5; i++) out[i] = new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(s[i], groups), null);
            return out;
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            Object[] out = new Object[groups];
            for (int k = 0; k < groups; k++) {
                double n = s[0][k];
                double m2 = s[2][k];
                if (n == 0 || m2 == 0) continue;
                out[k] = kurtosis ? n * s[4][k] / (m2 * m2) - 3.0 : Math.sqrt(n) * s[3][k] / Math.sqrt(m2 * m2 * m2);
            }
            return Vectors.fromObjects(DataTypes.DoubleType, out);
        }

        @Override
        public long sizeInBytes() {
            return 40L * capacity;
        }
    }
}
