package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.LongVector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code (a div b)}: the quotient truncated toward zero, a bigint; coercion makes integral
 * operands bigint. A zero divisor gives null, or under ANSI Spark's {@code DIVIDE_BY_ZERO}.
 */
public final class IntegralDivide extends BinaryOperator implements AnsiAware {
    private static final long serialVersionUID = 1L;

    private final boolean ansi;

    public IntegralDivide(Expression left, Expression right) {
        this(left, right, false);
    }

    public IntegralDivide(Expression left, Expression right, boolean ansi) {
        super(left, right);
        this.ansi = ansi;
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi ? this : new IntegralDivide(left, right, a);
    }

    @Override
    protected java.util.List<Object> args() {
        return java.util.List.of(ansi);
    }

    @Override
    public String symbol() {
        return "div";
    }

    @Override
    public InputType inputType() {
        return InputType.oneOf(InputType.LONG, InputType.DECIMAL);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (left.dataType() instanceof io.ember.sql.types.DecimalType && right.dataType() instanceof io.ember.sql.types.DecimalType) {
            return TypeCheckResult.success();
        }
        return super.checkInputDataTypes();
    }

    @Override
    public DataType dataType() {
        return DataTypes.LongType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector l = left.eval(batch);
        ColumnVector r = right.eval(batch);
        int n = batch.numRows();
        NullMask nulls = new NullMask(Vectors.union(Vectors.nulls(l), Vectors.nulls(r)), n);
        long[] out = new long[n];
        if (DataTypes.isLongBacked(left.dataType())) {
            long[] a = Vectors.longs(l).values;
            long[] b = Vectors.longs(r).values;
            for (int i = 0; i < n; i++) {
                if (b[i] != 0) {
                    out[i] = a[i] / b[i];
                } else if (!nulls.get(i)) {
                    zeroDivisor(i, nulls);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                BigDecimal a = (BigDecimal) l.get(i);
                BigDecimal b = (BigDecimal) r.get(i);
                if (a == null || b == null) {
                    nulls.set(i);
                } else if (b.signum() == 0) {
                    zeroDivisor(i, nulls);
                } else {
                    out[i] = a.divide(b, 0, RoundingMode.DOWN).longValue();
                }
            }
        }
        return new LongVector(DataTypes.LongType, out, nulls.mask());
    }

    /** Row {@code i}'s divisor is zero: null, or Spark's error under ANSI. */
    private void zeroDivisor(int i, NullMask nulls) {
        if (ansi) {
            throw ArithmeticChecks.divideByZero();
        }
        nulls.set(i);
    }

    @Override
    public IntegralDivide withOperands(Expression l, Expression r) {
        return new IntegralDivide(l, r, ansi);
    }
}
