package io.ember.sql.sources;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * {@code left op right} (op one of = &lt; &gt;) with SQL nulls, a stand-in for the expressions
 * package's comparisons in scan tests; its SQL text is Spark's ({@code (a = 5)}).
 */
final class TestingEquals extends Expression {
    private static final long serialVersionUID = 1L;

    private final Expression left;
    private final Expression right;
    private final String op;

    TestingEquals(Expression left, Expression right) {
        this(left, "=", right);
    }

    TestingEquals(Expression left, String op, Expression right) {
        this.left = left;
        this.right = right;
        this.op = op;
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
                @SuppressWarnings({"unchecked", "rawtypes"})
                int c = ((Comparable) l.get(i)).compareTo(r.get(i));
                out.set(i, op.equals("=") ? c == 0 : op.equals("<") ? c < 0 : c > 0);
            }
        }
        return out;
    }

    @Override
    public String sql() {
        return "(" + left.sql() + " " + op + " " + right.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new TestingEquals(c.get(0), op, c.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of(op);
    }
}
