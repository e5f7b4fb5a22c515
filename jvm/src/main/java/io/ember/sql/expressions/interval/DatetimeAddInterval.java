package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.datetime.ZonedRowFunction;
import io.ember.sql.types.CalendarInterval;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.YearMonthIntervalType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code start ± interval} where start is a date, timestamp or timestamp_ntz, as Spark's
 * {@code TimestampAddInterval}/{@code DateAddYMInterval}/{@code TimestampAddYMInterval}: a
 * day-time interval adds its microseconds to a timestamp (the analyzer turns a date into a
 * timestamp first, unless the interval is {@code interval day}: then whole days are added to the date); a year-month interval adds months on the session zone's calendar, keeping
 * a date a date (the day clamps to the month's end); a calendar interval adds months, then days,
 * then microseconds. The result has the start's type. Overflow fails with
 * {@code ARITHMETIC_OVERFLOW}.
 */
public final class DatetimeAddInterval extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    private final boolean subtract;

    public DatetimeAddInterval(Expression start, Expression interval, boolean subtract, String timeZoneId) {
        super(List.of(start, interval), timeZoneId);
        this.subtract = subtract;
    }

    @Override
    public String prettyName() {
        return subtract ? "-" : "+";
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY, InputType.ANY);
    }

    @Override
    public DataType dataType() {
        return args.get(0).dataType();
    }

    @Override
    protected Object compute(Object[] v) {
        DataType startType = args.get(0).dataType();
        DataType ivType = args.get(1).dataType();
        int sign = subtract ? -1 : 1;
        try {
            if (ivType instanceof DayTimeIntervalType && startType instanceof DateType) {
                return Math.toIntExact((Integer) v[0] + sign * ((Long) v[1] / IntervalStrings.MICROS_PER_DAY));
            }
            if (ivType instanceof DayTimeIntervalType) {
                return Math.addExact((Long) v[0], Math.multiplyExact(sign, (Long) v[1]));
            }
            if (ivType instanceof YearMonthIntervalType) {
                int months = Math.multiplyExact(sign, (Integer) v[1]);
                if (startType instanceof DateType) {
                    return Math.toIntExact(LocalDate.ofEpochDay((Integer) v[0]).plusMonths(months).toEpochDay());
                }
                return plus((Long) v[0], months, 0, 0);
            }
            CalendarInterval c = (CalendarInterval) v[1];
            if (startType instanceof DateType) {
                if (c.micros() != 0) {
                    throw new ExpressionEvalException("INVALID_INTERVAL_WITH_MICROSECONDS_ADDITION",
                            "Cannot add an interval to a date because its microseconds part is not 0. To resolve "
                            + "this, cast the input date to a timestamp, which supports the addition of intervals "
                            + "with non-zero microseconds.", Map.of());
                }
                return Math.toIntExact(LocalDate.ofEpochDay((Integer) v[0]).plusMonths((long) sign * c.months())
                        .plusDays((long) sign * c.days()).toEpochDay());
            }
            return plus((Long) v[0], sign * c.months(), sign * c.days(), Math.multiplyExact(sign, c.micros()));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new ExpressionEvalException("ARITHMETIC_OVERFLOW", "long overflow. Use 'try_add' to tolerate "
                    + "overflow and return NULL instead.", Map.of("message", "long overflow"));
        }
    }

    private long plus(long micros, long months, long days, long extra) {
        ZoneId zone = args.get(0).dataType() instanceof TimestampNTZType ? ZoneOffset.UTC : zoneId();
        LocalDateTime t = DateTimeUtils.toLocal(micros, zone).plusMonths(months).plusDays(days);
        return Math.addExact(DateTimeUtils.localToMicros(t, zone), extra);
    }

    @Override
    public String sql() {
        return args.get(0).sql() + " " + prettyName() + " " + args.get(1).sql();
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new DatetimeAddInterval(a.get(0), a.get(1), subtract, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(subtract, zoneArg());
    }
}
