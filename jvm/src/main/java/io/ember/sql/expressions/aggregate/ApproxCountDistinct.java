package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.hash.XxHash64;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.ObjectVector;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_count_distinct(e[, rsd])}: HyperLogLog++ as Spark runs it: each non-null value
 * hashed with XXH64 (seed 42), {@code 2^p} six-bit registers with {@code p} from the relative
 * standard deviation (default 0.05, so 512 registers), linear counting below Spark's threshold.
 * Spark also subtracts an empirical bias for estimates under {@code 5 * 2^p}; Ember does not, so
 * in that band (a few hundred to a few thousand distinct values at the default) estimates can
 * differ slightly from Spark's. The partial state is the register array, as binary.
 */
public final class ApproxCountDistinct extends AggregateFunction {
    private static final long serialVersionUID = 1L;
    private static final int[] THRESHOLDS = {10, 20, 40, 80, 220, 400, 900, 1800, 3100, 6500, 11500, 20000, 50000, 120000, 350000};

    private final Expression child;
    private final double rsd;
    private final int p;
    private final int m;

    public ApproxCountDistinct(Expression child, double rsd) {
        this.child = child;
        this.rsd = rsd;
        this.p = (int) Math.ceil(2.0 * Math.log(1.106 / rsd) / Math.log(2.0));
        if (p < 4) {
            throw new io.ember.sql.AnalysisException("DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE",
                    "The maximum relative standard deviation allowed in approx_count_distinct is 0.39; got " + rsd);
        }
        this.m = 1 << p;
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataTypes.BinaryType);
    }

    @Override
    public AggregateState newState() {
        return new State();
    }

    @Override
    public String sql() {
        return "approx_count_distinct(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new ApproxCountDistinct(c.get(0), rsd);
    }

    @Override
    protected List<Object> args() {
        return List.of(rsd);
    }

    /** The estimate from one group's registers. */
    long estimate(byte[] regs, int offset) {
        double zInverse = 0;
        int zeros = 0;
        for (int j = 0; j < m; j++) {
            int r = regs[offset + j];
            zInverse += 1.0 / (1L << r);
            if (r == 0) zeros++;
        }
        double alpha = p == 4 ? 0.673 : p == 5 ? 0.697 : p == 6 ? 0.709 : 0.7213 / (1.0 + 1.079 / m);
        double e = alpha * m * m / zInverse;
        if (zeros > 0) {
            double lc = m * Math.log((double) m / zeros);
            if (lc <= THRESHOLDS[p - 4]) return Math.round(lc);
        }
        return Math.round(e);
    }

    private final class State extends GroupedState {
        private byte[] regs = new byte[0];

        @Override
        protected void resize(int c) {
            regs = Arrays.copyOf(regs, c * m);
        }

        @Override
        public void update(int[] g, int n, ColumnVector[] inputs) {
            ensure(g, n);
            DataType t = child.dataType();
            int shift = 64 - p;
            long pad = 1L << (p - 1);
            for (int i = 0; i < n; i++) {
                Object v = inputs[0].get(i);
                if (v == null) continue;
                long h = XxHash64.hash(v, t, 42L);
                int idx = (int) (h >>> shift);
                int rank = Long.numberOfLeadingZeros((h << p) | pad) + 1;
                int at = g[i] * m + idx;
                if (rank > regs[at]) regs[at] = (byte) rank;
            }
        }

        @Override
        public void merge(int[] g, int n, ColumnVector[] partials) {
            ensure(g, n);
            for (int i = 0; i < n; i++) {
                byte[] other = (byte[]) partials[0].get(i);
                if (other == null) continue;
                int base = g[i] * m;
                for (int j = 0; j < m; j++) {
                    if (other[j] > regs[base + j]) regs[base + j] = other[j];
                }
            }
        }

        @Override
        public ColumnVector[] partials(int numGroups) {
            ensure(numGroups);
            Object[] out = new Object[numGroups];
            for (int k = 0; k < numGroups; k++) out[k] = Arrays.copyOfRange(regs, k * m, (k + 1) * m);
            return new ColumnVector[] {new ObjectVector(DataTypes.BinaryType, out)};
        }

        @Override
        public ColumnVector result(int numGroups) {
            ensure(numGroups);
            long[] out = new long[numGroups];
            for (int k = 0; k < numGroups; k++) out[k] = estimate(regs, k * m);
            return new LongVector(DataTypes.LongType, out, null);
        }

        @Override
        public long sizeInBytes() {
            return (long) regs.length;
        }
    }
}
