package io.ember.sql.types;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A value of {@link CalendarIntervalType}: months, days and microseconds, each signed and kept
 * apart because a month and a day have no fixed length. {@link #toString} is Spark's text,
 * {@code 1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds}.
 */
public record CalendarInterval(int months, int days, long micros) implements Serializable {
    private static final long MICROS_PER_MINUTE = 60_000_000L;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    @Override
    public String toString() {
        if (months == 0 && days == 0 && micros == 0) {
            return "0 seconds";
        }
        StringBuilder b = new StringBuilder();
        if (months != 0) {
            unit(b, months / 12, "years");
            unit(b, months % 12, "months");
        }
        unit(b, days, "days");
        if (micros != 0) {
            long rest = micros;
            unit(b, rest / MICROS_PER_HOUR, "hours");
            rest %= MICROS_PER_HOUR;
            unit(b, rest / MICROS_PER_MINUTE, "minutes");
            rest %= MICROS_PER_MINUTE;
            if (rest != 0) {
                b.append(BigDecimal.valueOf(rest, 6).stripTrailingZeros().toPlainString()).append(" seconds ");
            }
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static void unit(StringBuilder b, long value, String unit) {
        if (value != 0) {
            b.append(value).append(' ').append(unit).append(' ');
        }
    }
}
