package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.types.CalendarInterval;
import io.ember.sql.types.DataType;
import java.util.List;
import java.util.Locale;

/**
 * The end of one event's session window: {@code ts + gap}, with {@code gap} a duration string
 * ({@code '10 seconds'}, {@code '1 day 12 hours'}, optionally after {@code interval}), a day-time
 * interval or a calendar interval without months. A gap that does not parse (or has months) is
 * null, and the analyzer drops such rows, as Spark drops windows that are not valid.
 */
public final class SessionEnd extends RowFunction {
    private static final long serialVersionUID = 1L;

    public SessionEnd(Expression ts, Expression gap) {
        super(List.of(ts, gap));
    }

    @Override
    public String prettyName() {
        return "session_end";
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
        Long gap = gapMicros(v[1]);
        return gap == null ? null : (Long) v[0] + gap;
    }

    /** The microseconds of a gap value, or null. */
    static Long gapMicros(Object g) {
        if (g instanceof Long micros) {
            return micros;
        }
        if (g instanceof CalendarInterval c) {
            return c.months() != 0 ? null : c.days() * IntervalStrings.MICROS_PER_DAY + c.micros();
        }
        String[] parts = ((String) g).trim().toLowerCase(Locale.ROOT).split("\\s+");
        int i = parts.length > 0 && parts[0].equals("interval") ? 1 : 0;
        if ((parts.length - i) % 2 != 0 || parts.length == i) {
            return null;
        }
        long total = 0;
        for (; i < parts.length; i += 2) {
            long n;
            try {
                n = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            String unit = parts[i + 1].endsWith("s") ? parts[i + 1].substring(0, parts[i + 1].length() - 1) : parts[i + 1];
            long scale = switch (unit) {
                case "week" -> 7 * IntervalStrings.MICROS_PER_DAY;
                case "day" -> IntervalStrings.MICROS_PER_DAY;
                case "hour" -> IntervalStrings.MICROS_PER_HOUR;
                case "minute" -> IntervalStrings.MICROS_PER_MINUTE;
                case "second" -> IntervalStrings.MICROS_PER_SECOND;
                case "millisecond" -> 1000L;
                case "microsecond" -> 1L;
                default -> 0L;
            };
            if (scale == 0) {
                return null;
            }
            total += n * scale;
        }
        return total;
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new SessionEnd(a.get(0), a.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
