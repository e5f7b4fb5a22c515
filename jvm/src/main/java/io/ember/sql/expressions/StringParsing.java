package io.ember.sql.expressions;

import java.math.BigDecimal;
import java.util.Locale;

/** Spark's (non-ANSI) string-to-number and string-to-boolean rules. Stateless. */
public final class StringParsing {
    private StringParsing() {}

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }

    /**
     * An integral value: surrounding blanks trimmed, an optional sign, digits, and (when
     * {@code allowFraction}) a fraction of digits that is dropped; null when malformed or
     * outside {@code [min, max]}.
     */
    public static Long parseIntegral(String s, long min, long max, boolean allowFraction) {
        int start = 0;
        int end = s.length() - 1;
        while (start <= end && blank(s.charAt(start))) start++;
        while (end > start && blank(s.charAt(end))) end--;
        if (start > end) return null;
        char first = s.charAt(start);
        boolean negative = first == '-';
        if (negative || first == '+') {
            if (start == end) return null;
            start++;
        }
        long result = 0;
        long stop = Long.MIN_VALUE / 10;
        int i = start;
        for (; i <= end; i++) {
            char c = s.charAt(i);
            if (c == '.' && allowFraction) {
                i++;
                break;
            }
            if (c < '0' || c > '9') return null;
            if (result < stop) return null;
            result = result * 10 - (c - '0');
            if (result > 0) return null;
        }
        for (; i <= end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return null;
        }
        if (!negative) {
            result = -result;
            if (result < 0) return null;
        }
        return result < min || result > max ? null : result;
    }

    /** A double as Java parses it, plus Spark's {@code inf}, {@code infinity}, {@code nan} words. */
    public static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                case "nan", "+nan", "-nan" -> Double.NaN;
                default -> null;
            };
        }
    }

    public static BigDecimal parseDecimal(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code t true y yes 1} and {@code f false n no 0}, any case, trimmed; null otherwise. */
    public static Boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
