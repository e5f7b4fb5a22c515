package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CASE WHEN c1 THEN v1 ... [ELSE e] END}: per row, the value of the first branch whose
 * condition is true; the else value (null when absent) if none is. Coercion gives every value
 * one type. Evaluates each branch over the batch and fills the rows not yet decided.
 */
public final class CaseWhen extends Expression implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    private final List<Expression[]> branches;
    private final Expression elseValue;

    public CaseWhen(List<Expression[]> branches, Expression elseValue) {
        this.branches = List.copyOf(branches);
        this.elseValue = elseValue;
    }

    public List<Expression[]> branches() {
        return branches;
    }

    /** The else value, or null. */
    public Expression elseValue() {
        return elseValue;
    }

    /** Each branch's value, then the else value if any. */
    public List<Expression> valueExpressions() {
        List<Expression> vs = new ArrayList<>();
        for (Expression[] b : branches) vs.add(b[1]);
        if (elseValue != null) vs.add(elseValue);
        return vs;
    }

    @Override
    public List<Integer> mergedChildren() {
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < branches.size(); k++) idx.add(2 * k + 1);
        if (elseValue != null) idx.add(2 * branches.size());
        return idx;
    }

    @Override
    public DataType dataType() {
        for (Expression v : valueExpressions()) {
            if (!v.dataType().equals(DataTypes.NullType)) return v.dataType();
        }
        return branches.get(0)[1].dataType();
    }

    @Override
    public boolean nullable() {
        return elseValue == null || valueExpressions().stream().anyMatch(Expression::nullable);
    }

    @Override
    public boolean foldable() {
        return children().stream().allMatch(Expression::foldable);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        for (int i = 0; i < branches.size(); i++) {
            Expression c = branches.get(i)[0];
            if (!c.dataType().equals(DataTypes.BooleanType)) {
                return ExpectsInputTypes.unexpected(i * 2, c, TypeCheckResult.quoteType(DataTypes.BooleanType));
            }
        }
        List<Expression> vs = valueExpressions();
        DataType t = vs.get(0).dataType();
        for (Expression v : vs) {
            if (!v.dataType().equals(t)) {
                return ExpectsInputTypes.differentTypes("casewhen", vs);
            }
        }
        return TypeCheckResult.success();
    }

    /**
     * Row by row in effect, as Spark: each condition is asked only of the rows no earlier one
     * took, and each value computed only for the rows that take its branch ({@link BranchRows}).
     */
    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        ColumnVector out = ColumnVectors.allocate(dataType(), n);
        int[] open = BranchRows.all(n);
        int m = n;
        for (Expression[] b : branches) {
            if (m == 0) break;
            BooleanVector cond = Vectors.booleans(BranchRows.eval(b[0], batch, open, m));
            int[] take = new int[m];
            int[] rest = new int[m];
            int k = 0, r = 0;
            for (int p = 0; p < m; p++) {
                if (!cond.isNull(p) && cond.values[p]) take[k++] = open[p]; else rest[r++] = open[p];
            }
            if (k > 0) {
                BranchRows.fill(b[1], batch, take, k, out);
            }
            open = rest;
            m = r;
        }
        if (elseValue != null) {
            BranchRows.fill(elseValue, batch, open, m, out);
        } else {
            for (int p = 0; p < m; p++) {
                ColumnVectors.set(out, open[p], null);
            }
        }
        return out;
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder("CASE");
        for (Expression[] br : branches) {
            b.append(" WHEN ").append(br[0].sql()).append(" THEN ").append(br[1].sql());
        }
        if (elseValue != null) b.append(" ELSE ").append(elseValue.sql());
        return b.append(" END").toString();
    }

    @Override
    public List<Expression> children() {
        List<Expression> kids = new ArrayList<>();
        for (Expression[] b : branches) {
            kids.add(b[0]);
            kids.add(b[1]);
        }
        if (elseValue != null) kids.add(elseValue);
        return kids;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        List<Expression[]> bs = new ArrayList<>();
        for (int k = 0; k < branches.size(); k++) {
            bs.add(new Expression[] {c.get(2 * k), c.get(2 * k + 1)});
        }
        return new CaseWhen(bs, elseValue == null ? null : c.get(c.size() - 1));
    }

    @Override
    protected List<Object> args() {
        return List.of(branches.size(), elseValue != null);
    }
}
