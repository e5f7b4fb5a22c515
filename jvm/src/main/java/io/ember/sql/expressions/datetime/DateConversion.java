package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.AnsiAware;
import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.ExpressionEvalException;
import io.ember.core.ErrorKind;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conversions between dates, timestamps, epoch numbers and names: {@code next_day},
 * {@code from_utc_timestamp}/{@code to_utc_timestamp} (shift a timestamp between UTC and a
 * zone's wall clock), {@code make_date}, {@code timestamp_seconds/millis/micros},
 * {@code unix_seconds/millis/micros}, {@code unix_date}, {@code date_from_unix_date},
 * {@code dayname}, {@code monthname}, {@code current_timezone}. Invalid input (a bad day
 * name, zone or date) gives null, as outside ANSI mode; under ANSI mode an invalid
 * {@code make_date} fails with Spark's {@code DATETIME_FIELD_OUT_OF_BOUNDS} (java.time's message,
 * as Spark's).
 */
public final class DateConversion extends ZonedRowFunction implements AnsiAware {
    private static final long serialVersionUID = 1L;

    private static final InputType D = InputType.DATE;
    private static final InputType TS = InputType.exact(DataTypes.TimestampType);

    /** One function: its argument types and result type. */
    public enum Kind {
        NEXT_DAY(List.of(D, InputType.STRING), DataTypes.DateType),
        FROM_UTC_TIMESTAMP(List.of(TS, InputType.STRING), DataTypes.TimestampType),
        TO_UTC_TIMESTAMP(List.of(TS, InputType.STRING), DataTypes.TimestampType),
        MAKE_DATE(List.of(InputType.INT, InputType.INT, InputType.INT), DataTypes.DateType),
        TIMESTAMP_SECONDS(List.of(InputType.NUMERIC), DataTypes.TimestampType),
        TIMESTAMP_MILLIS(List.of(InputType.LONG), DataTypes.TimestampType),
        TIMESTAMP_MICROS(List.of(InputType.LONG), DataTypes.TimestampType),
        UNIX_SECONDS(List.of(TS), DataTypes.LongType), UNIX_MILLIS(List.of(TS), DataTypes.LongType),
        UNIX_MICROS(List.of(TS), DataTypes.LongType), UNIX_DATE(List.of(D), DataTypes.IntegerType),
        DATE_FROM_UNIX_DATE(List.of(InputType.INT), DataTypes.DateType),
        DAYNAME(List.of(D), DataTypes.StringType), MONTHNAME(List.of(D), DataTypes.StringType),
        CURRENT_TIMEZONE(List.of(), DataTypes.StringType);

        final List<InputType> types;
        final DataType result;

        Kind(List<InputType> types, DataType result) {
            this.types = types;
            this.result = result;
        }

        public int arity() {
            return types.size();
        }

        public String sqlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final boolean ansi;

    public DateConversion(Kind kind, List<Expression> args, String timeZoneId, boolean ansi) {
        super(args, timeZoneId);
        this.kind = kind;
        this.ansi = ansi;
    }

    public DateConversion(Kind kind, List<Expression> args, String timeZoneId) {
        this(kind, args, timeZoneId, false);
    }

    @Override
    public boolean ansi() {
        return ansi;
    }

    @Override
    public Expression withAnsi(boolean a) {
        return a == ansi || kind != Kind.MAKE_DATE ? this : new DateConversion(kind, args, zoneArg(), a);
    }

    @Override
    public String prettyName() {
        return kind.sqlName();
    }

    @Override
    public List<InputType> inputTypes() {
        if (kind == Kind.TIMESTAMP_SECONDS && args.size() == 1 && DataTypes.isNumeric(args.get(0).dataType())) {
            return List.of(InputType.exact(args.get(0).dataType()));
        }
        return kind.types;
    }

    @Override
    public DataType dataType() {
        return kind.result;
    }

    @Override
    public boolean nullable() {
        return kind != Kind.CURRENT_TIMEZONE;
    }

    @Override
    public boolean foldable() {
        return kind == Kind.CURRENT_TIMEZONE || super.foldable();
    }

    @Override
    protected Object compute(Object[] v) {
        try {
            return switch (kind) {
                case NEXT_DAY -> nextDay((Integer) v[0], (String) v[1]);
                case FROM_UTC_TIMESTAMP -> DateTimeUtils.localToMicros(DateTimeUtils.toLocal((Long) v[0], DateTimeUtils.zone((String) v[1])), ZoneOffset.UTC);
                case TO_UTC_TIMESTAMP -> DateTimeUtils.localToMicros(DateTimeUtils.toLocal((Long) v[0], ZoneOffset.UTC), DateTimeUtils.zone((String) v[1]));
                case MAKE_DATE -> (int) LocalDate.of((Integer) v[0], (Integer) v[1], (Integer) v[2]).toEpochDay();
                case TIMESTAMP_SECONDS -> v[0] instanceof Double || v[0] instanceof Float
                        ? (Object) (long) (((Number) v[0]).doubleValue() * DateTimeUtils.MICROS_PER_SECOND)
                        : v[0] instanceof java.math.BigDecimal b ? (Object) b.movePointRight(6).longValue()
                        : (Object) Math.multiplyExact(((Number) v[0]).longValue(), DateTimeUtils.MICROS_PER_SECOND);
                case TIMESTAMP_MILLIS -> Math.multiplyExact((Long) v[0], 1000L);
                case TIMESTAMP_MICROS, UNIX_MICROS -> v[0];
                case UNIX_SECONDS -> Math.floorDiv((Long) v[0], DateTimeUtils.MICROS_PER_SECOND);
                case UNIX_MILLIS -> Math.floorDiv((Long) v[0], 1000L);
                case UNIX_DATE, DATE_FROM_UNIX_DATE -> v[0];
                case DAYNAME -> LocalDate.ofEpochDay((Integer) v[0]).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
                case MONTHNAME -> LocalDate.ofEpochDay((Integer) v[0]).getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
                case CURRENT_TIMEZONE -> zoneId().getId();
            };
        } catch (DateTimeException | ArithmeticException e) {
            if (ansi && kind == Kind.MAKE_DATE) throw outOfBounds(e.getMessage());
            return null;
        }
    }

    /** Spark's error for a date field out of range; its message is java.time's (Spark's is too). */
    private static ExpressionEvalException outOfBounds(String rangeMessage) {
        return new ExpressionEvalException("DATETIME_FIELD_OUT_OF_BOUNDS.WITHOUT_SUGGESTION", rangeMessage + ". ",
                Map.of("rangeMessage", rangeMessage), ErrorKind.DATE_TIME);
    }

    private static Object nextDay(int days, String name) {
        DayOfWeek target = dayOfWeek(name.trim().toUpperCase(Locale.ROOT));
        return target == null ? null : (int) LocalDate.ofEpochDay(days).with(TemporalAdjusters.next(target)).toEpochDay();
    }

    /** Spark's day names: two letters, three letters or the full English name. */
    private static DayOfWeek dayOfWeek(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name();
            if (s.equals(full) || s.equals(full.substring(0, 2)) || s.equals(full.substring(0, 3))) return d;
        }
        return null;
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new DateConversion(kind, a, zone, ansi);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>();
        a.add(kind);
        a.add(zoneArg());
        a.add(ansi);
        return a;
    }

}
