package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.util.List;

/**
 * The smallest expressions the operator tests need (the real kernels live in the expressions
 * package): long arithmetic and comparison with SQL null propagation.
 */
final class TestExprs {
    private TestExprs() {}

    interface LongBinaryOperator extends java.io.Serializable {
        long applyAsLong(long a, long b);
    }

    /** {@code left OP right} over longs, giving a long or a boolean (1 = true). */
    static final class LongBinary extends Expression {
        private static final long serialVersionUID = 1L;
        private final String op;
        private final Expression left;
        private final Expression right;
        private final LongBinaryOperator f;
        private final boolean predicate;

        LongBinary(String op, Expression left, Expression right, LongBinaryOperator f, boolean predicate) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.f = f;
            this.predicate = predicate;
        }

        @Override
        public DataType dataType() {
            return predicate ? DataTypes.BooleanType : DataTypes.LongType;
        }

        @Override
        public boolean nullable() {
            return left.nullable() || right.nullable();
        }

        @Override
        public ColumnVector eval(ColumnBatch batch) {
            ColumnVector a = left.eval(batch);
            ColumnVector b = right.eval(batch);
            int n = batch.numRows();
            ColumnVector out = predicate ? new BooleanVector(DataTypes.BooleanType, n) : new LongVector(DataTypes.LongType, n);
            for (int i = 0; i < n; i++) {
                if (a.isNull(i) || b.isNull(i)) {
                    if (out instanceof BooleanVector bv) bv.setNull(i); else ((LongVector) out).setNull(i);
                    continue;
                }
                long r = f.applyAsLong(a.getLong(i), b.getLong(i));
                if (out instanceof BooleanVector bv) bv.set(i, r != 0); else ((LongVector) out).set(i, r);
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
            return new LongBinary(op, c.get(0), c.get(1), f, predicate);
        }

        @Override
        protected List<Object> args() {
            return List.of(op, predicate);
        }
    }

    static Expression gt(Expression a, Expression b) {
        return new LongBinary(">", a, b, (x, y) -> x > y ? 1 : 0, true);
    }

    static Expression eq(Expression a, Expression b) {
        return new LongBinary("=", a, b, (x, y) -> x == y ? 1 : 0, true);
    }

    static Expression add(Expression a, Expression b) {
        return new LongBinary("+", a, b, Long::sum, false);
    }

    static Expression mul(Expression a, Expression b) {
        return new LongBinary("*", a, b, (x, y) -> x * y, false);
    }

    static Expression mod(Expression a, Expression b) {
        return new LongBinary("%", a, b, (x, y) -> x % y, false);
    }
}
