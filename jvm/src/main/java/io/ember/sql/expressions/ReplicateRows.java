package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * Repeats each input row as many times as the smallest of its count expressions says (none for
 * a null or non-positive count): how {@code exceptAll} (the left-minus-right count) and
 * {@code intersectAll} (the smaller of the two sides' counts) give back their duplicates, as
 * Spark's ReplicateRows. It adds no columns: the generate operator repeats the input columns.
 */
public final class ReplicateRows extends Generator {
    private static final long serialVersionUID = 1L;

    private final List<Expression> counts;

    public ReplicateRows(List<? extends Expression> counts) {
        this.counts = List.copyOf(counts);
    }

    @Override
    public StructType elementSchema() {
        return new StructType(List.of());
    }

    @Override
    public DataType dataType() {
        return elementSchema();
    }

    @Override
    public Generated generate(ColumnBatch input) {
        int n = input.numRows();
        ColumnVector[] c = new ColumnVector[counts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i).eval(input);
        }
        long[] times = new long[n];
        long total = 0;
        for (int r = 0; r < n; r++) {
            long t = Long.MAX_VALUE;
            for (ColumnVector v : c) {
                Object x = v.get(r);
                t = Math.min(t, x == null ? 0 : ((Number) x).longValue());
            }
            times[r] = Math.max(0, t);
            total += times[r];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a batch would replicate to " + total + " rows");
        }
        int[] src = new int[(int) total];
        int k = 0;
        for (int r = 0; r < n; r++) {
            for (long t = 0; t < times[r]; t++) {
                src[k++] = r;
            }
        }
        return new Generated(src, new ColumnVector[0], k);
    }

    @Override
    public String sql() {
        return "replicaterows(" + String.join(", ", counts.stream().map(Expression::sql).toList()) + ")";
    }

    @Override
    public List<Expression> children() {
        return counts;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new ReplicateRows(c);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
