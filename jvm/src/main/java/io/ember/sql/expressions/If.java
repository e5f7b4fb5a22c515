package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;

/** {@code (IF(c, a, b))}: {@code a} where {@code c} is true, else {@code b} (also when {@code c} is null). */
public final class If extends Expression implements MergesInputTypes {
    private static final long serialVersionUID = 1L;

    private final Expression predicate;
    private final Expression whenTrue;
    private final Expression whenFalse;

    public If(Expression predicate, Expression whenTrue, Expression whenFalse) {
        this.predicate = predicate;
        this.whenTrue = whenTrue;
        this.whenFalse = whenFalse;
    }

    @Override
    public List<Integer> mergedChildren() {
        return List.of(1, 2);
    }

    @Override
    public DataType dataType() {
        return whenTrue.dataType().equals(DataTypes.NullType) ? whenFalse.dataType() : whenTrue.dataType();
    }

    @Override
    public boolean nullable() {
        return whenTrue.nullable() || whenFalse.nullable();
    }

    @Override
    public boolean foldable() {
        return predicate.foldable() && whenTrue.foldable() && whenFalse.foldable();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (!predicate.dataType().equals(DataTypes.BooleanType)) {
            return ExpectsInputTypes.unexpected(0, predicate, TypeCheckResult.quoteType(DataTypes.BooleanType));
        }
        DataType a = whenTrue.dataType();
        DataType b = whenFalse.dataType();
        if (!a.equals(b) && !a.equals(DataTypes.NullType) && !b.equals(DataTypes.NullType)) {
            return ExpectsInputTypes.differentTypes("if", List.of(whenTrue, whenFalse));
        }
        return TypeCheckResult.success();
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        int n = batch.numRows();
        BooleanVector c = Vectors.booleans(predicate.eval(batch));
        int[] yes = new int[n];
        int[] no = new int[n];
        int k = 0, r = 0;
        for (int i = 0; i < n; i++) {
            if (!c.isNull(i) && c.values[i]) yes[k++] = i; else no[r++] = i;
        }
        // each side only for the rows that take it (as Spark, row by row: a side may fail on the others)
        ColumnVector out = ColumnVectors.allocate(dataType(), n);
        if (k > 0) {
            BranchRows.fill(whenTrue, batch, yes, k, out);
        }
        if (r > 0) {
            BranchRows.fill(whenFalse, batch, no, r, out);
        }
        return out;
    }

    @Override
    public String sql() {
        return "(IF(" + predicate.sql() + ", " + whenTrue.sql() + ", " + whenFalse.sql() + "))";
    }

    @Override
    public List<Expression> children() {
        return List.of(predicate, whenTrue, whenFalse);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new If(c.get(0), c.get(1), c.get(2));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
