package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code extract(field FROM source)}, {@code date_part(field, source)} and {@code datepart}:
 * one field of a date or timestamp (Spark's field names and synonyms: YEAR/Y/YEARS/YR/YRS,
 * QUARTER/QTR, MONTH/MON/MONS/MONTHS, WEEK/W/WEEKS, DAY/D/DAYS, DAYOFWEEK/DOW,
 * DAYOFWEEK_ISO/DOW_ISO, DOY, HOUR/H/HOURS/HR/HRS, MINUTE/M/MIN/MINS/MINUTES, SECOND/S/SEC/
 * SECONDS/SECS). Seconds of a timestamp are decimal(8,6), with the microseconds.
 */
public final class DatePart extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String field;
    private final String written;

    public DatePart(String name, String field, List<Expression> args, String timeZoneId) {
        super(args, timeZoneId);
        this.name = name;
        this.field = canonical(field);
        this.written = field;
    }

    /** Spark's canonical field name for a synonym, or null if unknown. */
    public static String canonical(String f) {
        return switch (f.toUpperCase(Locale.ROOT)) {
            case "YEAR", "Y", "YEARS", "YR", "YRS" -> "YEAR";
            case "QUARTER", "QTR" -> "QUARTER";
            case "MONTH", "MON", "MONS", "MONTHS" -> "MONTH";
            case "WEEK", "W", "WEEKS" -> "WEEK";
            case "DAY", "D", "DAYS" -> "DAY";
            case "DAYOFWEEK", "DOW" -> "DAYOFWEEK";
            case "DAYOFWEEK_ISO", "DOW_ISO" -> "DAYOFWEEK_ISO";
            case "DOY" -> "DOY";
            case "HOUR", "H", "HOURS", "HR", "HRS" -> "HOUR";
            case "MINUTE", "M", "MIN", "MINS", "MINUTES" -> "MINUTE";
            case "SECOND", "S", "SEC", "SECONDS", "SECS" -> "SECOND";
            default -> null;
        };
    }

    @Override
    public String prettyName() {
        return name;
    }

    private boolean isDate() {
        return args.get(1).dataType() instanceof DateType;
    }

    @Override
    public List<InputType> inputTypes() {
        boolean timeField = field.equals("HOUR") || field.equals("MINUTE") || field.equals("SECOND");
        return List.of(InputType.STRING, timeField || !isDate() ? InputType.ANY_TIMESTAMP : InputType.DATE);
    }

    @Override
    public DataType dataType() {
        return field.equals("SECOND") ? new DecimalType(8, 6) : DataTypes.IntegerType;
    }

    @Override
    protected Object compute(Object[] v) {
        LocalDateTime t = isDate() ? java.time.LocalDate.ofEpochDay((Integer) v[1]).atStartOfDay()
                : DateTimeUtils.toLocal((Long) v[1], args.get(1).dataType().equals(DataTypes.TimestampNTZType) ? java.time.ZoneOffset.UTC : zoneId());
        return switch (field) {
            case "YEAR" -> t.getYear();
            case "QUARTER" -> (t.getMonthValue() - 1) / 3 + 1;
            case "MONTH" -> t.getMonthValue();
            case "WEEK" -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "DAY" -> t.getDayOfMonth();
            case "DAYOFWEEK" -> t.getDayOfWeek().getValue() % 7 + 1;
            case "DAYOFWEEK_ISO" -> t.getDayOfWeek().getValue();
            case "DOY" -> t.getDayOfYear();
            case "HOUR" -> t.getHour();
            case "MINUTE" -> t.getMinute();
            default -> BigDecimal.valueOf(t.getSecond() * 1_000_000L + t.getNano() / 1000, 6);
        };
    }

    @Override
    public String sql() {
        return name.equals("date_part") ? "date_part(" + written + ", " + args.get(1).sql() + ")"
                : name + "(" + written + " FROM " + args.get(1).sql() + ")";
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new DatePart(name, written, a, zone);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>(List.of(name, written));
        a.add(zoneArg());
        return a;
    }
}
