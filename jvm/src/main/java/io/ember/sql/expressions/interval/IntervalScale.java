package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * {@code interval * number} and {@code interval / number} (Spark's {@code MultiplyDTInterval},
 * {@code DivideYMInterval}, ...): the exact product or quotient rounded half up to whole
 * microseconds (or months). The result is {@code interval day to second} or {@code interval
 * year to month} whatever the operand's fields, as in Spark; a zero divisor fails with
 * {@code INTERVAL_DIVIDED_BY_ZERO} and a result out of range with {@code ARITHMETIC_OVERFLOW}.
 */
public final class IntervalScale extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final boolean divide;

    public IntervalScale(Expression interval, Expression number, boolean divide) {
        super(List.of(interval, number));
        this.divide = divide;
    }

    @Override
    public String prettyName() {
        return divide ? "/" : "*";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY, InputType.NUMERIC);
    }

    @Override
    public DataType dataType() {
        return args.get(0).dataType() instanceof YearMonthIntervalType ? YearMonthIntervalType.DEFAULT
                : DayTimeIntervalType.DEFAULT;
    }

    @Override
    protected Object compute(Object[] v) {
        boolean months = args.get(0).dataType() instanceof YearMonthIntervalType;
        BigDecimal iv = BigDecimal.valueOf(((Number) v[0]).longValue());
        BigDecimal n = v[1] instanceof BigDecimal d ? d : v[1] instanceof Double || v[1] instanceof Float
                ? new BigDecimal(((Number) v[1]).doubleValue()) : BigDecimal.valueOf(((Number) v[1]).longValue());
        if (divide && n.signum() == 0) {
            throw new ExpressionEvalException("INTERVAL_DIVIDED_BY_ZERO", "Division by zero. Use `try_divide` to "
                    + "tolerate divisor being 0 and return NULL instead.", Map.of());
        }
        BigDecimal r = divide ? iv.divide(n, 0, RoundingMode.HALF_UP) : iv.multiply(n).setScale(0, RoundingMode.HALF_UP);
        try {
            return months ? (Object) r.intValueExact() : (Object) r.longValueExact();
        } catch (ArithmeticException e) {
            String type = months ? "integer" : "long";
            throw new ExpressionEvalException("ARITHMETIC_OVERFLOW", type + " overflow. Use 'try_"
                    + (divide ? "divide" : "multiply") + "' to tolerate overflow and return NULL instead.",
                    Map.of("message", type + " overflow"));
        }
    }

    @Override
    public String sql() {
        return "(" + args.get(0).sql() + " " + prettyName() + " " + args.get(1).sql() + ")";
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new IntervalScale(a.get(0), a.get(1), divide);
    }

    @Override
    protected List<Object> args() {
        return List.of(divide);
    }
}
