package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code timestamp_add(unit, quantity, ts)} and {@code timestamp_diff(unit, start, end)} (also
 * {@code timestampadd}/{@code timestampdiff}): calendar arithmetic on the session zone's wall
 * clock, the difference in whole units truncated toward zero. Units: YEAR, QUARTER, MONTH,
 * WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND.
 */
public final class TimestampArithmetic extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String unit;
    private final boolean diff;

    public TimestampArithmetic(String name, String unit, boolean diff, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.name = name;
        this.unit = unit.toUpperCase(Locale.ROOT);
        this.diff = diff;
    }

    /** True for a unit the functions know. */
    public static boolean knownUnit(String u) {
        return chrono(u.toUpperCase(Locale.ROOT)) != null;
    }

    private static ChronoUnit chrono(String u) {
        return switch (u) {
            case "YEAR" -> ChronoUnit.YEARS;
            case "QUARTER", "MONTH" -> ChronoUnit.MONTHS;
            case "WEEK" -> ChronoUnit.WEEKS;
            case "DAY", "DAYOFYEAR" -> ChronoUnit.DAYS;
            case "HOUR" -> ChronoUnit.HOURS;
            case "MINUTE" -> ChronoUnit.MINUTES;
            case "SECOND" -> ChronoUnit.SECONDS;
            case "MILLISECOND" -> ChronoUnit.MILLIS;
            case "MICROSECOND" -> ChronoUnit.MICROS;
            default -> null;
        };
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public List<InputType> inputTypes() {
        InputType ts = InputType.exact(DataTypes.TimestampType);
        return diff ? List.of(ts, ts) : List.of(InputType.LONG, ts);
    }

    @Override
    public DataType dataType() {
        return diff ? DataTypes.LongType : DataTypes.TimestampType;
    }

    @Override
    protected Object compute(Object[] v) {
        ChronoUnit c = chrono(unit);
        int scale = unit.equals("QUARTER") ? 3 : 1;
        if (diff) {
            LocalDateTime a = DateTimeUtils.toLocal((Long) v[0], zoneId());
            LocalDateTime b = DateTimeUtils.toLocal((Long) v[1], zoneId());
            return c.between(a, b) / scale;
        }
        LocalDateTime t = DateTimeUtils.toLocal((Long) v[1], zoneId());
        return DateTimeUtils.localToMicros(t.plus(Math.multiplyExact((Long) v[0], scale), c), zoneId());
    }

    @Override
    public String sql() {
        return name + "(" + unit + ", " + args.get(0).sql() + ", " + args.get(1).sql() + ")";
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new TimestampArithmetic(name, unit, diff, a, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, unit, diff, zoneArg());
    }
}
