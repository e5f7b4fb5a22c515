package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Functions whose result is a wall-clock {@code timestamp_ntz}: {@code to_timestamp_ntz(s[, fmt])}
 * (a string's local date-time, any zone in it ignored), {@code convert_timezone([from,] to, ts)}
 * (the wall clock in zone {@code to} of ts read in zone {@code from}, by default the session's)
 * and {@code localtimestamp()} (given the query's start as microseconds). Bad input gives null.
 */
public final class WallClockFunction extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    /** Which function. */
    public enum Kind { TO_TIMESTAMP_NTZ, CONVERT_TIMEZONE, LOCALTIMESTAMP }

    private final Kind kind;
    private final long now;

    public WallClockFunction(Kind kind, List<Expression> args, long now, String timeZoneId) {
        super(args, timeZoneId);
        this.kind = kind;
        this.now = now;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<InputType> inputTypes() {
        return switch (kind) {
            case TO_TIMESTAMP_NTZ -> args.size() == 1 ? List.of(InputType.STRING) : List.of(InputType.STRING, InputType.STRING);
            case CONVERT_TIMEZONE -> List.of(InputType.STRING, InputType.STRING, InputType.ANY_TIMESTAMP);
            case LOCALTIMESTAMP -> List.of();
        };
    }

    @Override
    public DataType dataType() {
        return DataTypes.TimestampNTZType;
    }

    @Override
    public boolean foldable() {
        return kind == Kind.LOCALTIMESTAMP || super.foldable();
    }

    @Override
    protected Object compute(Object[] v) {
        try {
            LocalDateTime t = switch (kind) {
                case TO_TIMESTAMP_NTZ -> v.length == 1 ? DateTimeUtils.parseLocal((String) v[0])
                        : LocalDateTime.parse((String) v[0], DateTimeFormatter.ofPattern((String) v[1], Locale.US));
                case CONVERT_TIMEZONE -> {
                    long micros = args.get(2).dataType().equals(DataTypes.TimestampNTZType)
                            ? DateTimeUtils.localToMicros(DateTimeUtils.toLocal((Long) v[2], ZoneOffset.UTC), DateTimeUtils.zone((String) v[0]))
                            : (Long) v[2];
                    yield DateTimeUtils.toLocal(micros, DateTimeUtils.zone((String) v[1]));
                }
                case LOCALTIMESTAMP -> DateTimeUtils.toLocal(now, zoneId());
            };
            return t == null ? null : DateTimeUtils.localToMicros(t, ZoneOffset.UTC);
        } catch (DateTimeException | ClassCastException e) {
            return null;
        }
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new WallClockFunction(kind, a, now, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind, now, zoneArg());
    }
}
