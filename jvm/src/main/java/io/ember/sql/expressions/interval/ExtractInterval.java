package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.CalendarInterval;
import io.ember.sql.types.CalendarIntervalType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code EXTRACT(field FROM interval)} (and {@code date_part}) as Spark's {@code
 * ExtractIntervalYears}/... : years (int) and months (tinyint) of a year-month or calendar
 * interval, days (int), hours and minutes (tinyint) and seconds ({@code decimal(8,6)}) of a
 * day-time or calendar interval; each part keeps the interval's sign.
 */
public final class ExtractInterval extends RowFunction {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String name;

    public ExtractInterval(String field, Expression interval) {
        this(field, interval, null);
    }

    /** As the function {@code field(interval)}, printed as {@code name} when one is given. */
    public ExtractInterval(String field, Expression interval, String name) {
        super(List.of(interval));
        this.field = field.toLowerCase(Locale.ROOT);
        this.name = name;
    }

    /** Whether {@code field} (year, month, day, hour, minute, second) can be taken from {@code t}. */
    public static boolean supports(String field, DataType t) {
        String f = field.toLowerCase(Locale.ROOT);
        if (t instanceof YearMonthIntervalType) return f.equals("year") || f.equals("month");
        if (t instanceof DayTimeIntervalType) return List.of("day", "hour", "minute", "second").contains(f);
        return t instanceof CalendarIntervalType && List.of("year", "month", "day", "hour", "minute", "second").contains(f);
    }

    @Override
    public String prettyName() {
        return field;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ANY);
    }

    @Override
    public DataType dataType() {
        return switch (field) {
            case "year", "day" -> DataTypes.IntegerType;
            case "second" -> new DecimalType(8, 6);
            default -> DataTypes.ByteType;
        };
    }

    @Override
    protected Object compute(Object[] v) {
        long months = 0;
        long days = 0;
        long micros = 0;
        if (v[0] instanceof CalendarInterval c) {
            months = c.months();
            days = c.days();
            micros = c.micros();
        } else if (args.get(0).dataType() instanceof YearMonthIntervalType) {
            months = (Integer) v[0];
        } else {
            micros = (Long) v[0];
            days = micros / IntervalStrings.MICROS_PER_DAY;
            micros %= IntervalStrings.MICROS_PER_DAY;
        }
        return switch (field) {
            case "year" -> (int) (months / 12);
            case "month" -> (int) (byte) (months % 12);
            case "day" -> (int) days;
            case "hour" -> (int) (byte) (micros / IntervalStrings.MICROS_PER_HOUR);
            case "minute" -> (int) (byte) (micros / IntervalStrings.MICROS_PER_MINUTE % 60);
            default -> BigDecimal.valueOf(micros % IntervalStrings.MICROS_PER_MINUTE, 6);
        };
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new ExtractInterval(field, a.get(0), name);
    }

    @Override
    public String sql() {
        return name == null ? super.sql() : name;
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(field, name == null ? "" : name);
    }
}
