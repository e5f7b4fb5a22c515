package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.StringType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Conversions between strings and dates or timestamps by a datetime pattern ({@code yyyy-MM-dd
 * HH:mm:ss}, Spark's letters, which are {@link DateTimeFormatter}'s for the common cases):
 * {@code to_date}, {@code to_timestamp}, {@code date_format}, {@code unix_timestamp} and
 * {@code from_unixtime}. A string that does not parse gives null (outside ANSI mode). Without a
 * pattern, {@code to_date} and {@code to_timestamp} parse as casts do.
 */
public final class DatePatternFunction extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_PATTERN = "yyyy-MM-dd HH:mm:ss";

    /** Which function. */
    public enum Kind { TO_DATE, TO_TIMESTAMP, DATE_FORMAT, UNIX_TIMESTAMP, FROM_UNIXTIME }

    private record Compiled(String pattern, DateTimeFormatter formatter) {}

    private final Kind kind;
    private transient volatile Compiled last;

    public DatePatternFunction(Kind kind, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        InputType when = InputType.oneOf(InputType.STRING, InputType.DATE, InputType.exact(DataTypes.TimestampType));
        return switch (kind) {
            case TO_DATE, TO_TIMESTAMP, UNIX_TIMESTAMP -> args.size() == 1 ? List.of(when) : List.of(when, InputType.STRING);
            case DATE_FORMAT -> List.of(InputType.exact(DataTypes.TimestampType), InputType.STRING);
            case FROM_UNIXTIME -> List.of(InputType.LONG, InputType.STRING);
        };
    }

    @Override
    public DataType dataType() {
        return switch (kind) {
            case TO_DATE -> DataTypes.DateType;
            case TO_TIMESTAMP -> DataTypes.TimestampType;
            case DATE_FORMAT, FROM_UNIXTIME -> DataTypes.StringType;
            case UNIX_TIMESTAMP -> DataTypes.LongType;
        };
    }

    private DateTimeFormatter formatter(String pattern) {
        Compiled c = last;
        if (c != null && c.pattern.equals(pattern)) return c.formatter;
        DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .toFormatter(Locale.US).withZone(zoneId());
        last = new Compiled(pattern, f);
        return f;
    }

    /** The wall-clock time of a string by pattern, or null. */
    private LocalDateTime parse(String s, String pattern) {
        try {
            TemporalAccessor t = formatter(pattern).parse(s);
            LocalDate d = LocalDate.from(t);
            int h = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0;
            int m = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
            int sec = t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
            int nano = t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) / 1000 * 1000 : 0;
            return d.atTime(h, m, sec, nano);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Microseconds of the first argument (a string parsed by pattern, a date, or a timestamp), or null. */
    private Long micros(Object v, String pattern) {
        DataType t = args.get(0).dataType();
        if (t instanceof DateType) return DateTimeUtils.startOfDay((Integer) v, zoneId());
        if (!(t instanceof StringType)) return (Long) v;
        if (pattern == null) return DateTimeUtils.parseTimestamp((String) v, zoneId());
        LocalDateTime l = parse((String) v, pattern);
        return l == null ? null : DateTimeUtils.localToMicros(l, zoneId());
    }

    @Override
    protected Object compute(Object[] v) {
        String pattern = v.length > 1 ? (String) v[1] : null;
        switch (kind) {
            case TO_DATE: {
                DataType t = args.get(0).dataType();
                if (t instanceof DateType) return v[0];
                if (t instanceof StringType && pattern == null) return DateTimeUtils.parseDate((String) v[0]);
                Long m = micros(v[0], pattern);
                return m == null ? null : DateTimeUtils.daysOf(m, zoneId());
            }
            case TO_TIMESTAMP:
                return micros(v[0], pattern);
            case UNIX_TIMESTAMP: {
                Long m = micros(v[0], pattern == null ? DEFAULT_PATTERN : pattern);
                return m == null ? null : Math.floorDiv(m, DateTimeUtils.MICROS_PER_SECOND);
            }
            case DATE_FORMAT:
                return formatter(pattern).format(DateTimeUtils.toInstant((Long) v[0]));
            default: {
                long seconds = ((Number) v[0]).longValue();
                return formatter(pattern == null ? DEFAULT_PATTERN : pattern)
                        .format(DateTimeUtils.toInstant(seconds * DateTimeUtils.MICROS_PER_SECOND));
            }
        }
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new DatePatternFunction(kind, a, zone);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>();
        a.add(kind);
        a.add(zoneArg());
        return a;
    }
}
