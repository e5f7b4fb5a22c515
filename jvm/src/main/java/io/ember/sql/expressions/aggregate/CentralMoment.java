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
 * Variance and standard deviation ({@code var_samp}, {@code var_pop}, {@code stddev_samp},
 * {@code stddev_pop} and their aliases) from the count, mean and sum of squared deviations,
 * merged with Chan's formula. A sample statistic of one value is null, as in Spark 3+.
 */
public final class CentralMoment extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    /** Which statistic. */
    public enum Kind { VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP }

    private final Expression child;
    private final Kind kind;
    private final String name;

    public CentralMoment(Expression child, Kind kind, String name) {
        this.child = child;
        this.kind = kind;
        this.name = name;
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
        return List.of(DataTypes.DoubleType, DataTypes.DoubleType, DataTypes.DoubleType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return name + "(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new CentralMoment(c.get(0), kind, name);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, name);
    }

    private final class State extends GroupedState {
        private double[] n = new double[0];
        private double[] avg = new double[0];
        private double[] m2 = new double[0];

        @Override
        protected void resize(int c) {
            n = Arrays.copyOf(n, c);
            avg = Arrays.copyOf(avg, c);
            m2 = Arrays.copyOf(m2, c);
        }

        private void combine(int k, double nb, double avgb, double m2b) {
            if (nb == 0) return;
            double na = n[k];
            double total = na + nb;
            double delta = avgb - avg[k];
            avg[k] += delta * nb / total;
            m2[k] += m2b + delta * delta * na * nb / total;
            n[k] = total;
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] inputs) {
            ensure(g, rows);
            DoubleVector v = Vectors.doubles(inputs[0]);
            for (int i = 0; i < rows; i++) {
                if (!v.isNull(i)) combine(g[i], 1, v.values[i], 0);
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            DoubleVector pn = Vectors.doubles(p[0]);
            DoubleVector pa = Vectors.doubles(p[1]);
            DoubleVector pm = Vectors.doubles(p[2]);
            for (int i = 0; i < rows; i++) combine(g[i], pn.values[i], pa.values[i], pm.values[i]);
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            return new ColumnVector[] {
                new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(n, numGroups), null),
                new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(avg, numGroups), null),
                new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(m2, numGroups), null)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            DoubleVector out = new DoubleVector(DataTypes.DoubleType, numGroups);
            boolean sample = kind == Kind.VAR_SAMP || kind == Kind.STDDEV_SAMP;
            for (int k = 0; k < numGroups; k++) {
                if (n[k] == 0 || (sample && n[k] == 1)) {
                    out.setNull(k);
                    continue;
                }
                double var = m2[k] / (sample ? n[k] - 1 : n[k]);
                out.values[k] = kind == Kind.STDDEV_SAMP || kind == Kind.STDDEV_POP ? Math.sqrt(var) : var;
            }
            return out;
        }

        @Override
        public long sizeInBytes() {
            return 24L * capacity;
        }
    }
}
