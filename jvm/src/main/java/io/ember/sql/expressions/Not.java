package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/** {@code (NOT a)}; null stays null. */
public final class Not extends UnaryExpression implements ExpectsInputTypes {
    private static final long serialVersionUID = 1L;

    public Not(Expression child) {
        super(child);
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.BOOLEAN);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public BooleanVector eval(ColumnBatch batch) {
        BooleanVector c = Vectors.booleans(child.eval(batch));
        int n = batch.numRows();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = !c.values[i];
        return new BooleanVector(DataTypes.BooleanType, out, c.nulls == null ? null : c.nulls.clone());
    }

    @Override
    public String sql() {
        return "(NOT " + child.sql() + ")";
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new Not(c);
    }
}
