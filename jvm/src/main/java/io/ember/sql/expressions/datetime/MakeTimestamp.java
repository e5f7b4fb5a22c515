package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make_timestamp(y, mo, d, h, mi, s[, tz])} and its {@code _ltz}, {@code _ntz} and
 * {@code try_} forms: seconds carry microseconds (decimal(16,6)); 60 seconds is the next
 * minute, as in Spark; an invalid field gives null (as outside ANSI mode). A time-zone
 * timestamp is taken in the given zone, else the session's; {@code _ntz} keeps the wall clock.
 */
public final class MakeTimestamp extends ZonedRowFunction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean ntz;

    public MakeTimestamp(String name, List<Expression> args, boolean ntz, String timeZoneId) {
        super(args, timeZoneId);
        this.name = name;
        this.ntz = ntz;
    }

    @Override
    public String prettyName() {
        return name;
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>(List.of(InputType.INT, InputType.INT, InputType.INT, InputType.INT, InputType.INT,
                InputType.exact(new DecimalType(16, 6))));
        if (args.size() > 6) t.add(InputType.STRING);
        return t;
    }

    @Override
    public DataType dataType() {
        return ntz ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
    }

    @Override
    protected Object compute(Object[] v) {
        try {
            BigDecimal secs = (BigDecimal) v[5];
            int whole = secs.intValue();
            int micros = secs.subtract(BigDecimal.valueOf(whole)).movePointRight(6).intValue();
            boolean leap = whole == 60 && micros == 0;
            LocalDateTime t = LocalDateTime.of((Integer) v[0], (Integer) v[1], (Integer) v[2], (Integer) v[3], (Integer) v[4],
                    leap ? 0 : whole, micros * 1000);
            if (leap) t = t.plusMinutes(1);
            if (ntz) return DateTimeUtils.localToMicros(t, ZoneOffset.UTC);
            return DateTimeUtils.localToMicros(t, v.length > 6 ? DateTimeUtils.zone((String) v[6]) : zoneId());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    @Override
    protected Expression copy(List<Expression> a, String zone) {
        return new MakeTimestamp(name, a, ntz, zone);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, ntz, zoneArg());
    }
}
