package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DayTimeIntervalType;
import java.util.List;
import java.util.Map;

/**
 * {@code a - b} of two timestamps (an {@code interval day to second}) or two dates (an {@code
 * interval day}), as Spark's {@code SubtractTimestamps}/{@code SubtractDates}; both operands
 * have one type (the analyzer casts a date against a timestamp to a timestamp).
 */
public final class SubtractDatetimes extends RowFunction {
    private static final long serialVersionUID = 1L;

    public SubtractDatetimes(Expression left, Expression right) {
        super(List.of(left, right));
    }

    @Override
    public String prettyName() {
        return "-";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY, InputType.ANY);
    }

    private boolean dates() {
        return args.get(0).dataType() instanceof DateType;
    }

    @Override
    public DataType dataType() {
        return dates() ? new DayTimeIntervalType(DayTimeIntervalType.DAY, DayTimeIntervalType.DAY)
                : DayTimeIntervalType.DEFAULT;
    }

    @Override
    protected Object compute(Object[] v) {
        try {
            if (dates()) {
                return Math.multiplyExact((long) (Integer) v[0] - (Integer) v[1], IntervalStrings.MICROS_PER_DAY);
            }
            return Math.subtractExact((Long) v[0], (Long) v[1]);
        } catch (ArithmeticException e) {
            throw new ExpressionEvalException("ARITHMETIC_OVERFLOW", "long overflow.", Map.of("message", "long overflow"));
        }
    }

    @Override
    public String sql() {
        return "(" + args.get(0).sql() + " - " + args.get(1).sql() + ")";
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new SubtractDatetimes(a.get(0), a.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
