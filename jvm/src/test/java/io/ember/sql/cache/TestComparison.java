package io.ember.sql.cache;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * A comparison double named as Spark's kernels are ({@code GreaterThan}, {@code EqualTo},
 * {@code IsNull}, ...), evaluating numbers as doubles; stands in for the kernels, and the
 * statistics filter recognizes it by that name as it will the real ones.
 */
final class TestComparison extends Expression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Expression> children;

    TestComparison(String name, Expression... children) {
        this.name = name;
        this.children = List.of(children);
    }

    @Override
    public String nodeName() {
        return name;
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
        int n = batch.numRows();
        ColumnVector[] in = new ColumnVector[children.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = children.get(i).eval(batch);
        }
        BooleanVector out = new BooleanVector(DataTypes.BooleanType, n);
        for (int r = 0; r < n; r++) {
            if (name.equals("IsNull")) {
                out.set(r, in[0].isNull(r));
                continue;
            }
            if (in[0].isNull(r) || in[1].isNull(r)) {
                out.setNull(r);
                continue;
            }
            double a = ((Number) in[0].get(r)).doubleValue();
            double b = ((Number) in[1].get(r)).doubleValue();
            out.set(r, switch (name) {
                case "GreaterThan" -> a > b;
                case "GreaterThanOrEqual" -> a >= b;
                case "LessThan" -> a < b;
                case "LessThanOrEqual" -> a <= b;
                case "EqualTo" -> a == b;
                default -> throw new IllegalStateException(name);
            });
        }
        return out;
    }

    @Override
    public String sql() {
        return name + children;
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new TestComparison(name, c.toArray(new Expression[0]));
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }
}
