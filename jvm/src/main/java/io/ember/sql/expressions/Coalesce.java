package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;

/** {@code coalesce(e1, e2, ...)}: per row, the first non-null value; coercion gives all one type. */
public final class Coalesce extends Expression implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    private final List<Expression> exprs;
    private final String name;

    /** {@code name} is how SQL text calls it: {@code coalesce}, {@code nvl} or {@code ifnull}. */
    public Coalesce(List<Expression> exprs, String name) {
        this.exprs = List.copyOf(exprs);
        this.name = name;
    }

    public Coalesce(List<Expression> exprs) {
        this(exprs, "coalesce");
    }

    @Override
    public List<Integer> mergedChildren() {
        return java.util.stream.IntStream.range(0, exprs.size()).boxed().toList();
    }

    @Override
    public DataType dataType() {
        for (Expression e : exprs) {
            if (!e.dataType().equals(DataTypes.NullType)) return e.dataType();
        }
        return DataTypes.NullType;
    }

    @Override
    public boolean nullable() {
        return exprs.stream().allMatch(Expression::nullable);
    }

    @Override
    public boolean foldable() {
        return exprs.stream().allMatch(Expression::foldable);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        DataType t = dataType();
        for (Expression e : exprs) {
            if (!e.dataType().equals(t) && !e.dataType().equals(DataTypes.NullType)) {
                return ExpectsInputTypes.differentTypes(name, exprs);
            }
        }
        return TypeCheckResult.success();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector first = exprs.get(0).eval(batch);
        if (!first.mayHaveNulls() || exprs.size() == 1) {
            return first;
        }
        // each later argument only for the rows still null (as Spark, row by row: it may fail on the others)
        ColumnVector out = ColumnVectors.allocate(dataType(), n);
        int[] open = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (first.isNull(i)) open[m++] = i; else Vectors.copy(first, i, out, i);
        }
        for (int k = 1; k < exprs.size() && m > 0; k++) {
            ColumnVector v = BranchRows.eval(exprs.get(k), batch, open, m);
            int still = 0;
            for (int p = 0; p < m; p++) {
                if (v.isNull(p)) open[still++] = open[p]; else Vectors.copy(v, p, out, open[p]);
            }
            m = still;
        }
        for (int p = 0; p < m; p++) {
            ColumnVectors.set(out, open[p], null);
        }
        return out;
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(name, exprs);
    }

    @Override
    public List<Expression> children() {
        return exprs;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Coalesce(c, name);
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }
}
