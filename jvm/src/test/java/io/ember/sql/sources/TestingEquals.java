package io.ember.sql.sources;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.Objects;

/** {@code left = right} with SQL nulls, a stand-in for the expressions package's comparison in scan tests. */
final class TestingEquals extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression left;
    private final Expression right;

    TestingEquals(Expression left, Expression right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector l = left.eval(batch);
        ColumnVector r = right.eval(batch);
        BooleanVector out = new BooleanVector(DataTypes.BooleanType, batch.numRows());
        for (int i = 0; i < batch.numRows(); i++) {
            if (l.isNull(i) || r.isNull(i)) {
                out.setNull(i);
            } else {
                out.set(i, Objects.equals(l.get(i), r.get(i)));
            }
        }
        return out;
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " = " + right.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new TestingEquals(c.get(0), c.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
