package io.ember.sql.sources;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and timestamps as text, for the text formats: parsing to the internal values (days,
 * microseconds since the epoch) and formatting back, by the {@code dateFormat},
 * {@code timestampFormat} and {@code timestampNTZFormat} options. Without a format, parsing
 * is Spark's lenient ISO form ({@code 2024-01-05}, {@code 2024-01-05 10:00},
 * {@code 2024-01-05T10:00:00.123+01:00}); a timestamp without a zone is in {@code zone} (the
 * session time zone). Immutable; the formatters are rebuilt after deserialization.
 */
final class TextValues implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|[+-]\\d{1,2}(?::?\\d{2})?)?");
    static final String DEFAULT_TIMESTAMP_WRITE = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    static final String DEFAULT_NTZ_WRITE = "yyyy-MM-dd'T'HH:mm:ss.SSS";

    private final ZoneId zone;
    private final String dateFormat;
    private final String timestampFormat;
    private final String ntzFormat;
    private transient DateTimeFormatter dateFormatter;
    private transient DateTimeFormatter timestampFormatter;
    private transient DateTimeFormatter ntzFormatter;

    TextValues(SourceOptions options) {
        this.zone = ZoneId.of(options.get("timeZone", ZoneId.systemDefault().getId()));
        this.dateFormat = options.get("dateFormat", null);
        this.timestampFormat = options.get("timestampFormat", null);
        this.ntzFormat = options.get("timestampNTZFormat", null);
    }

    ZoneId zone() {
        return zone;
    }

    /** Days since the epoch; throws {@link IllegalArgumentException} when {@code s} is no date. */
    int parseDate(String s) {
        if (dateFormat == null) {
            Matcher m = DATE.matcher(s);
            if (m.matches()) {
                return (int) LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).toEpochDay();
            }
            Matcher t = TIMESTAMP.matcher(s.trim());
            if (t.matches() && t.group(4) != null) {
                return (int) LocalDate.of(num(t, 1), num(t, 2), num(t, 3)).toEpochDay();
            }
            throw new IllegalArgumentException("not a date: " + s);
        }
        try {
            return (int) LocalDate.from(dateFormatter().parse(s)).toEpochDay();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a date in format " + dateFormat + ": " + s, e);
        }
    }

    /** True when {@code s} is a date in the date format (what schema inference asks). */
    boolean isDate(String s) {
        if (dateFormat == null) {
            return DATE.matcher(s).matches() && parses(s, true);
        }
        return parses(s, true);
    }

    private boolean parses(String s, boolean date) {
        try {
            if (date) {
                parseDate(s);
            } else {
                parseTimestamp(s);
            }
            return true;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return false;
        }
    }

    boolean isTimestamp(String s) {
        return parses(s, false);
    }

    /** Microseconds since the epoch (UTC) of a timestamp in the session zone unless it names one. */
    long parseTimestamp(String s) {
        if (timestampFormat == null) {
            Matcher m = TIMESTAMP.matcher(s.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a timestamp: " + s);
            }
            LocalDateTime local = localOf(m);
            ZoneId z = m.group(8) == null ? zone : zoneOf(m.group(8));
            return micros(local.atZone(z).toInstant());
        }
        try {
            TemporalAccessor t = timestampFormatter().parse(s);
            LocalDateTime local = localFrom(t);
            ZoneId z = t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)) : zone;
            return micros(local.atZone(z).toInstant());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a timestamp in format " + timestampFormat + ": " + s, e);
        }
    }

    /** Microseconds since 1970-01-01T00:00 of a wall-clock timestamp (zones are not allowed). */
    long parseTimestampNtz(String s) {
        LocalDateTime local;
        if (ntzFormat == null) {
            Matcher m = TIMESTAMP.matcher(s.trim());
            if (!m.matches() || m.group(8) != null) {
                throw new IllegalArgumentException("not a timestamp without time zone: " + s);
            }
            local = localOf(m);
        } else {
            try {
                local = localFrom(ntzFormatter().parse(s));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a timestamp in format " + ntzFormat + ": " + s, e);
            }
        }
        return micros(local.toInstant(ZoneOffset.UTC));
    }

    String formatDate(int days) {
        LocalDate d = LocalDate.ofEpochDay(days);
        return dateFormat == null ? d.toString() : dateFormatter().format(d);
    }

    String formatTimestamp(long micros) {
        ZonedDateTime t = instant(micros).atZone(zone);
        if (timestampFormat == null) {
            return DateTimeFormatter.ofPattern(DEFAULT_TIMESTAMP_WRITE).format(t);
        }
        return timestampFormatter().format(t);
    }

    String formatTimestampNtz(long micros) {
        LocalDateTime t = LocalDateTime.ofInstant(instant(micros), ZoneOffset.UTC);
        return (ntzFormat == null ? DateTimeFormatter.ofPattern(DEFAULT_NTZ_WRITE) : ntzFormatter()).format(t);
    }

    private DateTimeFormatter dateFormatter() {
        if (dateFormatter == null) {
            dateFormatter = DateTimeFormatter.ofPattern(dateFormat);
        }
        return dateFormatter;
    }

    private DateTimeFormatter timestampFormatter() {
        if (timestampFormatter == null) {
            timestampFormatter = DateTimeFormatter.ofPattern(timestampFormat);
        }
        return timestampFormatter;
    }

    private DateTimeFormatter ntzFormatter() {
        if (ntzFormatter == null) {
            ntzFormatter = DateTimeFormatter.ofPattern(ntzFormat);
        }
        return ntzFormatter;
    }

    private static LocalDateTime localFrom(TemporalAccessor t) {
        LocalDate d = LocalDate.from(t);
        int h = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0;
        int mi = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
        int sec = t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
        int nano = t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0;
        return d.atTime(h, mi, sec, nano);
    }

    private static LocalDateTime localOf(Matcher m) {
        LocalDate d = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
        if (m.group(4) == null) {
            return d.atStartOfDay();
        }
        int nanos = 0;
        if (m.group(7) != null) {
            String f = (m.group(7) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(f);
        }
        return d.atTime(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6), nanos);
    }

    private static ZoneId zoneOf(String z) {
        if (z.equals("Z") || z.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int sign = z.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
