package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import java.util.List;

/**
 * The ranking window functions, by kind: {@code row_number}, {@code rank}, {@code dense_rank}
 * (int), {@code percent_rank}, {@code cume_dist} (double), and {@code ntile(n)} (int).
 */
public final class RankingFunction extends WindowFunction {
    private static final long serialVersionUID = 1L;

    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE }

    private final Kind kind;
    private final int buckets;

    public RankingFunction(Kind kind, int buckets) {
        this.kind = kind;
        this.buckets = buckets;
    }

    public RankingFunction(Kind kind) {
        this(kind, 0);
    }

    @Override
    public ColumnVector evaluate(Partition p) {
        int n = p.numRows();
        int[] peer = p.peerGroup();
        if (kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST) {
            double[] out = new double[n];
            int start = 0;
            while (start < n) {
                int end = start;
                while (end < n && peer[end] == peer[start]) {
                    end++;
                }
                for (int i = start; i < end; i++) {
                    out[i] = kind == Kind.CUME_DIST ? (double) end / n : n == 1 ? 0.0 : (double) start / (n - 1);
                }
                start = end;
            }
            return new DoubleVector(DataTypes.DoubleType, out, null);
        }
        int[] out = new int[n];
        int rank = 0;
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case ROW_NUMBER -> out[i] = i + 1;
                case RANK -> {
                    rank = i == 0 || peer[i] != peer[i - 1] ? i + 1 : rank;
                    out[i] = rank;
                }
                case DENSE_RANK -> out[i] = peer[i] + 1;
                default -> {
                    int base = n / buckets, extra = n % buckets;
                    int bigRows = extra * (base + 1);
                    out[i] = i < bigRows ? i / (base + 1) + 1 : extra + (i - bigRows) / Math.max(base, 1) + 1;
                }
            }
        }
        return new IntVector(DataTypes.IntegerType, out, null);
    }

    @Override
    public DataType dataType() {
        return kind == Kind.PERCENT_RANK || kind == Kind.CUME_DIST ? DataTypes.DoubleType : DataTypes.IntegerType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        return kind == Kind.NTILE ? "ntile(" + buckets + ")" : kind.name().toLowerCase(java.util.Locale.ROOT) + "()";
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, buckets);
    }
}
