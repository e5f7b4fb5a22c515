package io.ember.sql.expressions;

import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ANSI interval values as text, both ways, as Spark writes and reads them: {@code INTERVAL
 * '1 02:03:04.5' DAY TO SECOND}, {@code INTERVAL '-1-2' YEAR TO MONTH}; a cast from a string
 * takes the bare form of the target's fields ({@code 1 2:03:04}) or the full literal. Used by
 * {@code show()}, casts to and from strings, and the SQL parser's interval literals. Stateless.
 */
public final class IntervalStrings {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    private static final long[] UNIT = {MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};
    private static final long[] LIMIT = {Long.MAX_VALUE, 24, 60, 60};
    private static final Pattern LITERAL = Pattern.compile(
            "(?i)interval\\s*([+-])?\\s*'([^']*)'\\s*([a-z]+)(?:\\s+to\\s+([a-z]+))?");

    private IntervalStrings() {}

    /** {@code INTERVAL '1 02:03:04' DAY TO SECOND} for {@code micros} of type {@code t}. */
    public static String dayTime(long micros, DayTimeIntervalType t) {
        String sign = micros < 0 ? "-" : "";
        // the magnitude as an unsigned long: the smallest interval's (2^63) has no signed form
        long rest = micros < 0 ? -micros : micros;
        StringBuilder b = new StringBuilder(sign);
        for (int f = t.startField(); f <= t.endField(); f++) {
            long unit = UNIT[f];
            if (f == t.startField()) {
                if (f == DayTimeIntervalType.SECOND) {
                    b.append(seconds(rest));
                } else {
                    long lead = Long.divideUnsigned(rest, unit);
                    b.append(f == DayTimeIntervalType.DAY ? Long.toString(lead) : two(lead));
                }
            } else {
                b.append(f == DayTimeIntervalType.HOUR ? " " : ":");
                b.append(f == DayTimeIntervalType.SECOND ? seconds(rest) : two(rest / unit));
            }
            rest = Long.remainderUnsigned(rest, unit);
        }
        return "INTERVAL '" + b + "' " + fields(DayTimeIntervalType.fieldName(t.startField()),
                DayTimeIntervalType.fieldName(t.endField()));
    }

    /** {@code INTERVAL '1-2' YEAR TO MONTH} for {@code months} of type {@code t}. */
    public static String yearMonth(int months, YearMonthIntervalType t) {
        String sign = months < 0 ? "-" : "";
        long abs = Math.abs((long) months);
        String body;
        if (t.startField() != t.endField()) {
            body = sign + abs / 12 + "-" + abs % 12;
        } else {
            body = sign + (t.startField() == YearMonthIntervalType.YEAR ? abs / 12 : abs);
        }
        return "INTERVAL '" + body + "' " + fields(YearMonthIntervalType.fieldName(t.startField()),
                YearMonthIntervalType.fieldName(t.endField()));
    }

    private static String fields(String from, String to) {
        String f = from.toUpperCase(Locale.ROOT);
        return from.equals(to) ? f : f + " TO " + to.toUpperCase(Locale.ROOT);
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /** Seconds text of an unsigned microsecond count. */
    private static String seconds(long micros) {
        String s = new BigDecimal(new java.math.BigInteger(Long.toUnsignedString(micros)), 6).stripTrailingZeros()
                .toPlainString();
        return micros >= 0 && micros < 10 * MICROS_PER_SECOND ? "0" + s : s;
    }

    /**
     * The microseconds of the bare text of {@code from}..{@code to} fields ({@code [+|-]d h:m:s.n}
     * for day to second); the leading field is unbounded, the others within their range.
     * IllegalArgumentException when the text does not match.
     */
    public static long parseDayTime(String text, int from, int to) {
        String v = text.trim();
        boolean negative = false;
        if (v.startsWith("-") || v.startsWith("+")) {
            negative = v.charAt(0) == '-';
            v = v.substring(1);
        }
        List<String> parts = new ArrayList<>();
        if (from == DayTimeIntervalType.DAY && to > from) {
            String[] p = v.split("\\s+", 2);
            if (p.length < 2) throw new IllegalArgumentException(text);
            parts.add(p[0]);
            parts.addAll(List.of(p[1].split(":", -1)));
        } else {
            parts.addAll(List.of(v.split(":", -1)));
        }
        if (parts.size() != to - from + 1) throw new IllegalArgumentException(text);
        long micros = 0;
        for (int i = 0; i < parts.size(); i++) {
            int f = from + i;
            String p = parts.get(i);
            long add;
            if (f == DayTimeIntervalType.SECOND) {
                if (!p.matches("\\d+(\\.\\d{0,9})?")) throw new IllegalArgumentException(text);
                BigDecimal s = new BigDecimal(p);
                if (i > 0 && s.compareTo(BigDecimal.valueOf(60)) >= 0) throw new IllegalArgumentException(text);
                add = (negative ? s.negate() : s).movePointRight(6).setScale(0, java.math.RoundingMode.DOWN)
                        .longValueExact();
            } else {
                if (!p.matches("\\d+")) throw new IllegalArgumentException(text);
                long n = Long.parseLong(p);
                if (i > 0 && n >= LIMIT[f]) throw new IllegalArgumentException(text);
                add = Math.multiplyExact(negative ? -n : n, UNIT[f]);
            }
            // summed with its sign, so the smallest interval (one more than the largest) parses
            micros = Math.addExact(micros, add);
        }
        return micros;
    }

    /** The months of the bare text {@code [+|-]y-m} (year to month) or {@code [+|-]n} (one field). */
    public static int parseYearMonth(String text, int from, int to) {
        String v = text.trim();
        boolean negative = false;
        if (v.startsWith("-") || v.startsWith("+")) {
            negative = v.charAt(0) == '-';
            v = v.substring(1);
        }
        long months;
        if (from != to) {
            Matcher m = Pattern.compile("(\\d+)-(\\d+)").matcher(v);
            if (!m.matches() || Long.parseLong(m.group(2)) >= 12) throw new IllegalArgumentException(text);
            months = Math.addExact(Math.multiplyExact(Long.parseLong(m.group(1)), 12L), Long.parseLong(m.group(2)));
        } else {
            if (!v.matches("\\d+")) throw new IllegalArgumentException(text);
            months = from == YearMonthIntervalType.YEAR ? Math.multiplyExact(Long.parseLong(v), 12L) : Long.parseLong(v);
        }
        return Math.toIntExact(negative ? -months : months);
    }

    /** A string cast to a day-time interval: the bare form or the literal form of {@code t}'s fields. */
    public static long castToDayTime(String s, DayTimeIntervalType t) {
        try {
            Matcher m = LITERAL.matcher(s.trim());
            if (m.matches()) {
                int from = DayTimeIntervalType.field(m.group(3));
                int to = m.group(4) == null ? from : DayTimeIntervalType.field(m.group(4));
                if (from != t.startField() || to != t.endField()) throw new IllegalArgumentException(s);
                long v = parseDayTime(m.group(2), from, to);
                return "-".equals(m.group(1)) ? -v : v;
            }
            return parseDayTime(s, t.startField(), t.endField());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw unmatched(s, t.simpleString(), "day-time", dayTimeFormat(t));
        }
    }

    /** A string cast to a year-month interval: the bare form or the literal form of {@code t}'s fields. */
    public static int castToYearMonth(String s, YearMonthIntervalType t) {
        try {
            Matcher m = LITERAL.matcher(s.trim());
            if (m.matches()) {
                int from = YearMonthIntervalType.field(m.group(3));
                int to = m.group(4) == null ? from : YearMonthIntervalType.field(m.group(4));
                if (from != t.startField() || to != t.endField()) throw new IllegalArgumentException(s);
                int v = parseYearMonth(m.group(2), from, to);
                return "-".equals(m.group(1)) ? -v : v;
            }
            return parseYearMonth(s, t.startField(), t.endField());
        } catch (IllegalArgumentException | ArithmeticException e) {
            String f = t.startField() == t.endField() ? "`[+|-]n`" : "`[+|-]y-m`";
            throw unmatched(s, t.simpleString(), "year-month", f + ", `INTERVAL [+|-]'" + f.replace("`", "")
                    + "' " + fields(YearMonthIntervalType.fieldName(t.startField()),
                            YearMonthIntervalType.fieldName(t.endField())) + "`");
        }
    }

    private static String dayTimeFormat(DayTimeIntervalType t) {
        StringBuilder b = new StringBuilder("[+|-]");
        String[] names = {"d", "h", "m", "s.n"};
        for (int f = t.startField(); f <= t.endField(); f++) {
            b.append(f == t.startField() ? "" : f == DayTimeIntervalType.HOUR ? " " : ":").append(names[f]);
        }
        return "`" + b + "`, `INTERVAL [+|-]'" + b + "' " + fields(DayTimeIntervalType.fieldName(t.startField()),
                DayTimeIntervalType.fieldName(t.endField())) + "`";
    }

    private static ExpressionEvalException unmatched(String input, String type, String kind, String formats) {
        String cls = kind.equals("day-time") ? "UNMATCHED_FORMAT_STRING_WITH_NOTICE" : "UNMATCHED_FORMAT_STRING";
        String msg = "Error parsing '" + input + "' to interval. Please ensure that the value provided is in a valid "
                + "format for defining an interval. You can reference the documentation for the correct format. "
                + "Interval string does not match " + kind + " format of " + formats + " when cast to " + type + ": "
                + input + "." + (kind.equals("day-time")
                        ? " Set \"spark.sql.legacy.fromDayTimeString.enabled\" to \"true\" to restore the behavior "
                                + "before Spark 3.0." : "");
        return new ExpressionEvalException("INVALID_INTERVAL_FORMAT." + cls, msg,
                Map.of("input", input, "typeName", type, "intervalStr", kind, "supportedFormat", formats));
    }
}
