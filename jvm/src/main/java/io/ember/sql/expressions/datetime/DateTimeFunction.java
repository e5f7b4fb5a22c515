package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Date and time functions over dates (days) and timestamps (microseconds) that need no pattern:
 * fields ({@code year}, {@code hour}, ...), date arithmetic ({@code date_add}, {@code datediff},
 * {@code add_months}) and truncation ({@code date_trunc}, {@code trunc}). Timestamp fields are
 * read in the session time zone.
 */
public final class DateTimeFunction extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    private static final InputType D = InputType.DATE;
    private static final InputType TS = InputType.exact(DataTypes.TimestampType);

    /** One function: argument types and result type. */
    public enum Kind {
        YEAR(List.of(D), DataTypes.IntegerType), QUARTER(List.of(D), DataTypes.IntegerType),
        MONTH(List.of(D), DataTypes.IntegerType), DAYOFMONTH(List.of(D), DataTypes.IntegerType),
        DAYOFWEEK(List.of(D), DataTypes.IntegerType), WEEKDAY(List.of(D), DataTypes.IntegerType),
        DAYOFYEAR(List.of(D), DataTypes.IntegerType), WEEKOFYEAR(List.of(D), DataTypes.IntegerType),
        LAST_DAY(List.of(D), DataTypes.DateType),
        HOUR(List.of(TS), DataTypes.IntegerType), MINUTE(List.of(TS), DataTypes.IntegerType),
        SECOND(List.of(TS), DataTypes.IntegerType),
        DATE_ADD(List.of(D, InputType.INT), DataTypes.DateType), DATE_SUB(List.of(D, InputType.INT), DataTypes.DateType),
        DATEDIFF(List.of(D, D), DataTypes.IntegerType), ADD_MONTHS(List.of(D, InputType.INT), DataTypes.DateType),
        MONTHS_BETWEEN(List.of(TS, TS), DataTypes.DoubleType), MONTHS_BETWEEN_UNROUNDED(List.of(TS, TS), DataTypes.DoubleType),
        DATE_TRUNC(List.of(InputType.STRING, TS), DataTypes.TimestampType),
        TRUNC(List.of(D, InputType.STRING), DataTypes.DateType);

        final List<InputType> types;
        final DataType result;

        Kind(List<InputType> types, DataType result) {
            this.types = types;
            this.result = result;
        }

        public int arity() {
            return types.size();
        }
    }

    private final Kind kind;

    public DateTimeFunction(Kind kind, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind == Kind.MONTHS_BETWEEN_UNROUNDED ? "months_between" : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String sql() {
        String s = super.sql();
        return kind == Kind.MONTHS_BETWEEN || kind == Kind.MONTHS_BETWEEN_UNROUNDED
                ? s.substring(0, s.length() - 1) + (kind == Kind.MONTHS_BETWEEN ? ", true)" : ", false)") : s;
    }

    @Override
    public List<InputType> inputTypes() {
        return kind.types;
    }

    @Override
    public DataType dataType() {
        return kind.result;
    }

    private LocalDate date(Object v) {
        return LocalDate.ofEpochDay((Integer) v);
    }

    private LocalDateTime local(Object v) {
        return DateTimeUtils.toLocal((Long) v, zoneId());
    }

    @Override
    protected Object compute(Object[] v) {
        return switch (kind) {
            case YEAR -> date(v[0]).getYear();
            case QUARTER -> (date(v[0]).getMonthValue() - 1) / 3 + 1;
            case MONTH -> date(v[0]).getMonthValue();
            case DAYOFMONTH -> date(v[0]).getDayOfMonth();
            case DAYOFWEEK -> date(v[0]).getDayOfWeek().getValue() % 7 + 1;
            case WEEKDAY -> date(v[0]).getDayOfWeek().getValue() - 1;
            case DAYOFYEAR -> date(v[0]).getDayOfYear();
            case WEEKOFYEAR -> date(v[0]).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case LAST_DAY -> (int) date(v[0]).with(TemporalAdjusters.lastDayOfMonth()).toEpochDay();
            case HOUR -> local(v[0]).getHour();
            case MINUTE -> local(v[0]).getMinute();
            case SECOND -> local(v[0]).getSecond();
            case DATE_ADD -> (Integer) v[0] + (Integer) v[1];
            case DATE_SUB -> (Integer) v[0] - (Integer) v[1];
            case DATEDIFF -> (Integer) v[0] - (Integer) v[1];
            case ADD_MONTHS -> (int) date(v[0]).plusMonths((Integer) v[1]).toEpochDay();
            case MONTHS_BETWEEN -> monthsBetween(local(v[0]), local(v[1]), true);
            case MONTHS_BETWEEN_UNROUNDED -> monthsBetween(local(v[0]), local(v[1]), false);
            case DATE_TRUNC -> truncTimestamp((String) v[0], (Long) v[1]);
            case TRUNC -> truncDate(date(v[0]), (String) v[1]);
        };
    }

    /** Spark's months_between: whole months when both are month ends or the same day, else a 31-day-month fraction, rounded to 8 digits. */
    private static Object monthsBetween(LocalDateTime a, LocalDateTime b, boolean round) {
        int months = (a.getYear() - b.getYear()) * 12 + a.getMonthValue() - b.getMonthValue();
        boolean aEnd = a.toLocalDate().equals(a.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()));
        boolean bEnd = b.toLocalDate().equals(b.toLocalDate().with(TemporalAdjusters.lastDayOfMonth()));
        if (a.getDayOfMonth() == b.getDayOfMonth() || (aEnd && bEnd)) {
            return (double) months;
        }
        double secondsA = a.getDayOfMonth() * 86400.0 + a.toLocalTime().toSecondOfDay();
        double secondsB = b.getDayOfMonth() * 86400.0 + b.toLocalTime().toSecondOfDay();
        double diff = months + (secondsA - secondsB) / (31 * 86400.0);
        return round ? Math.round(diff * 1e8) / 1e8 : diff;
    }

    private Object truncTimestamp(String unit, long micros) {
        LocalDateTime t = local(micros);
        LocalDateTime r = switch (unit.toLowerCase(Locale.ROOT)) {
            case "year", "yyyy", "yy" -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "quarter" -> t.toLocalDate().withMonth((t.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay();
            case "month", "mon", "mm" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "week" -> t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case "day", "dd" -> t.truncatedTo(ChronoUnit.DAYS);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "millisecond" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "microsecond" -> t;
            default -> null;
        };
        return r == null ? null : DateTimeUtils.localToMicros(r, zoneId());
    }

    private static Object truncDate(LocalDate d, String unit) {
        LocalDate r = switch (unit.toLowerCase(Locale.ROOT)) {
            case "year", "yyyy", "yy" -> d.withDayOfYear(1);
            case "quarter" -> d.withMonth((d.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case "month", "mon", "mm" -> d.withDayOfMonth(1);
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> null;
        };
        return r == null ? null : (int) r.toEpochDay();
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new DateTimeFunction(kind, a, zone);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>();
        a.add(kind);
        a.add(zoneArg());
        return a;
    }
}
