package io.ember.sql.expressions;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates (days since 1970-01-01) and timestamps (microseconds since the epoch) to and from
 * Spark's string forms, and between each other in a time zone. Stateless.
 */
public final class DateTimeUtils {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;

    private static final Pattern DATE = Pattern.compile("([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?:[ T].*)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([+-]?\\d{4,7})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?"
                    + "(?:[ T](?:(\\d{1,2})(?::(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{0,9}))?)?)?)?\\s*([^\\s].*)?)?");

    private DateTimeUtils() {}

    /** A zone by id, accepting Spark's short forms ({@code UTC}, {@code +01:00}, {@code GMT+1}). */
    public static ZoneId zone(String id) {
        return ZoneId.of(id, ZoneId.SHORT_IDS);
    }

    /** Days of {@code yyyy}, {@code yyyy-[m]m}, {@code yyyy-[m]m-[d]d} (anything after a space or T is ignored); null if malformed. */
    public static Integer parseDate(String s) {
        Matcher m = DATE.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            return Math.toIntExact(d.toEpochDay());
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * Microseconds of {@code yyyy-mm-dd[ T]hh:mm:ss.ffffff[zone]} and its shorter prefixes, in
     * the string's zone if it names one, else in {@code zone}; null if malformed.
     */
    public static Long parseTimestamp(String s, ZoneId zone) {
        LocalDateTime local = parseLocal(s);
        if (local == null) {
            return null;
        }
        ZoneId z = zone;
        Matcher m = TIMESTAMP.matcher(s.trim());
        m.matches();
        if (m.group(8) != null) {
            z = parseZone(m.group(8).trim());
            if (z == null) {
                return null;
            }
        }
        return toMicros(local.atZone(z).toInstant());
    }

    /** The wall-clock value of a timestamp string, its zone (if any) ignored; null if malformed. */
    public static LocalDateTime parseLocal(String s) {
        Matcher m = TIMESTAMP.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            int h = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int mi = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            String frac = m.group(7) == null ? "" : m.group(7);
            int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9)) / 1000 * 1000;
            return LocalDateTime.of(d, LocalTime.of(h, mi, sec, nanos));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneId parseZone(String z) {
        try {
            if (z.equals("Z")) {
                return ZoneOffset.UTC;
            }
            if (z.startsWith("+") || z.startsWith("-")) {
                String digits = z.substring(1).replace(":", "");
                int h = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
                int mi = digits.length() > 2 ? Integer.parseInt(digits.substring(2, 4)) : 0;
                int sign = z.startsWith("-") ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * h, sign * mi);
            }
            return zone(z);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static long toMicros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND), i.getNano() / 1000);
    }

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    public static LocalDateTime toLocal(long micros, ZoneId zone) {
        return LocalDateTime.ofInstant(toInstant(micros), zone);
    }

    /** The local date of a timestamp in {@code zone}. */
    public static int daysOf(long micros, ZoneId zone) {
        return (int) toLocal(micros, zone).toLocalDate().toEpochDay();
    }

    /** Midnight of a date in {@code zone}. */
    public static long startOfDay(int days, ZoneId zone) {
        return toMicros(LocalDate.ofEpochDay(days).atStartOfDay(zone).toInstant());
    }

    public static long localToMicros(LocalDateTime t, ZoneId zone) {
        return toMicros(t.atZone(zone).toInstant());
    }

    /** {@code yyyy-MM-dd}, with a sign for years outside 0..9999 as Spark 4 prints them ({@code +10000-01-01}). */
    public static String formatDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, trailing zeros of the fraction dropped, as Spark prints. */
    public static String formatTimestamp(long micros, ZoneId zone) {
        return formatLocal(toLocal(micros, zone));
    }

    public static String formatLocal(LocalDateTime t) {
        StringBuilder b = new StringBuilder(formatDate((int) t.toLocalDate().toEpochDay()));
        b.append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String f = String.format("%06d", micros);
            int end = f.length();
            while (f.charAt(end - 1) == '0') end--;
            b.append('.').append(f, 0, end);
        }
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append(v < 10 ? "0" : "").append(v);
    }
}
