package io.ember.sql.planning;

import io.ember.sql.execution.PlannerTestExprs;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/** A test double named as the expressions package's equality, which the join strategy recognizes by name. */
final class EqualTo extends Expression {
    private static final long serialVersionUID = 1L;
    private final Expression left;
    private final Expression right;

    EqualTo(Expression left, Expression right) {
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
        return PlannerTestExprs.eq(left, right).eval(batch);
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
        return new EqualTo(c.get(0), c.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
