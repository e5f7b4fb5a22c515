package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
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
import java.util.Locale;

/**
 * Statistics of pairs where both values are non-null: {@code corr}, {@code covar_pop},
 * {@code covar_samp} and the linear regression aggregates {@code regr_*(y, x)}, from the
 * count, both means and the co-moments, merged with Chan's formulas. A statistic whose
 * divisor is zero is null, as Spark's default.
 */
public final class BivariateMoment extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    /** Which statistic. */
    public enum Kind {
        CORR, COVAR_POP, COVAR_SAMP, REGR_COUNT, REGR_AVGX, REGR_AVGY, REGR_SXX, REGR_SYY, REGR_SXY,
        REGR_SLOPE, REGR_INTERCEPT, REGR_R2;

        boolean regression() {
            return name().startsWith("REGR");
        }
    }

    private final Expression first;
    private final Expression second;
    private final Kind kind;

    public BivariateMoment(Expression first, Expression second, Kind kind) {
        this.first = first;
        this.second = second;
        this.kind = kind;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.DOUBLE, InputType.DOUBLE);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return kind == Kind.REGR_COUNT ? DataTypes.LongType : DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return kind != Kind.REGR_COUNT;
    }

    @Override
    public List<DataType> stateTypes() {
        return java.util.Collections.nCopies(6, DataTypes.DoubleType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(kind.name().toLowerCase(Locale.ROOT), List.of(first, second));
    }

    @Override
    public List<Expression> children() {
        return List.of(first, second);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new BivariateMoment(c.get(0), c.get(1), kind);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }

    /** n, mean of x, mean of y, co-moment, x's and y's second moments; x is the second argument of regr_*. */
    private final class State extends GroupedState {
        private double[][] s = new double[6][0];

        @Override
        protected void resize(int c) {
            for (int i = 0; i < 6; i++) s[i] = Arrays.copyOf(s[i], c);
        }

        private void combine(int k, double nb, double xb, double yb, double cb, double mxb, double myb) {
            if (nb == 0) return;
            double na = s[0][k];
            double n = na + nb;
            double dx = xb - s[1][k];
            double dy = yb - s[2][k];
            s[3][k] += cb + dx * dy * na * nb / n;
            s[4][k] += mxb + dx * dx * na * nb / n;
            s[5][k] += myb + dy * dy * na * nb / n;
            s[1][k] += dx * nb / n;
            s[2][k] += dy * nb / n;
            s[0][k] = n;
        }

        @Override
        public void update(int[] g, int rows, ColumnVector[] in) {
            ensure(g, rows);
            DoubleVector a = Vectors.doubles(in[0]);
            DoubleVector b = Vectors.doubles(in[1]);
            DoubleVector x = kind.regression() ? b : a;
            DoubleVector y = kind.regression() ? a : b;
            for (int i = 0; i < rows; i++) {
                if (!x.isNull(i) && !y.isNull(i)) combine(g[i], 1, x.values[i], y.values[i], 0, 0, 0);
            }
        }

        @Override
        public void merge(int[] g, int rows, ColumnVector[] p) {
            ensure(g, rows);
            double[][] v = new double[6][];
            for (int i = 0; i < 6; i++) v[i] = Vectors.doubles(p[i]).values;
            for (int r = 0; r < rows; r++) combine(g[r], v[0][r], v[1][r], v[2][r], v[3][r], v[4][r], v[5][r]);
        }

        @Override
        public ColumnVector[] partials(int groups) {
            ensure(groups);
            ColumnVector[] out = new ColumnVector[6];
            for (int i = 0; i < 6; i++) out[i] = new DoubleVector(DataTypes.DoubleType, Arrays.copyOf(s[i], groups), null);
            return out;
        }

        @Override
        public ColumnVector result(int groups) {
            ensure(groups);
            Object[] out = new Object[groups];
            for (int k = 0; k < groups; k++) out[k] = value(s[0][k], s[1][k], s[2][k], s[3][k], s[4][k], s[5][k]);
            return Vectors.fromObjects(dataType(), out);
        }

        private Object value(double n, double xAvg, double yAvg, double c, double mx, double my) {
            if (kind == Kind.REGR_COUNT) return (long) n;
            if (n == 0) return null;
            return switch (kind) {
                case CORR -> mx == 0 || my == 0 ? null : c / Math.sqrt(mx * my);
                case COVAR_POP -> c / n;
                case COVAR_SAMP -> n == 1 ? null : c / (n - 1);
                case REGR_AVGX -> xAvg;
                case REGR_AVGY -> yAvg;
                case REGR_SXX -> mx;
                case REGR_SYY -> my;
                case REGR_SXY -> c;
                case REGR_SLOPE -> mx == 0 ? null : c / mx;
                case REGR_INTERCEPT -> mx == 0 ? null : yAvg - c / mx * xAvg;
                case REGR_R2 -> mx == 0 ? null : my == 0 ? 1.0 : c * c / (mx * my);
                default -> throw new IllegalStateException();
            };
        }

        @Override
        public long sizeInBytes() {
            return 48L * capacity;
        }
    }
}
