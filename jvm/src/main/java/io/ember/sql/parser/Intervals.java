package io.ember.sql.parser;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/** Interval literal units and {@code from TO to} strings ({@code '1-2' YEAR TO MONTH}, {@code '1 02:03' DAY TO MINUTE}). */
final class Intervals {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private Intervals() {}

    static IntervalValue single(String sql, ParserRuleContext ctx, String value, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.endsWith("s")) {
            u = u.substring(0, u.length() - 1);
        }
        try {
            return switch (u) {
                case "year" -> new IntervalValue(Math.multiplyExact(Integer.parseInt(value), 12), 0, 0);
                case "month" -> new IntervalValue(Integer.parseInt(value), 0, 0);
                case "week" -> new IntervalValue(0, Math.multiplyExact(Integer.parseInt(value), 7), 0);
                case "day" -> new IntervalValue(0, Integer.parseInt(value), 0);
                case "hour" -> new IntervalValue(0, 0, Math.multiplyExact(Long.parseLong(value), MICROS_PER_HOUR));
                case "minute" -> new IntervalValue(0, 0, Math.multiplyExact(Long.parseLong(value), MICROS_PER_MINUTE));
                case "second" -> new IntervalValue(0, 0,
                        new BigDecimal(value).movePointRight(6).longValueExact());
                case "millisecond" -> new IntervalValue(0, 0, new BigDecimal(value).movePointRight(3).longValueExact());
                case "microsecond" -> new IntervalValue(0, 0, Long.parseLong(value));
                default -> throw ParseErrors.at(sql, ctx, "INVALID_INTERVAL_FORMAT.INVALID_UNIT",
                        "Error parsing '" + value + " " + unit + "' to interval. Invalid unit '" + unit + "'.", "22006",
                        Map.of("input", value + " " + unit, "unit", unit));
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(sql, ctx, value + " " + unit);
        }
    }

    static IntervalValue unitToUnit(String sql, ParserRuleContext ctx, String value, String from, String to) {
        String f = from.toLowerCase(Locale.ROOT);
        String t = to.toLowerCase(Locale.ROOT);
        boolean negative = value.startsWith("-");
        String v = negative || value.startsWith("+") ? value.substring(1) : value;
        try {
            IntervalValue out;
            if (f.equals("year") && t.equals("month")) {
                String[] p = v.split("-");
                out = new IntervalValue(Integer.parseInt(p[0]) * 12 + Integer.parseInt(p[1]), 0, 0);
            } else if (f.equals("day") || f.equals("hour") || f.equals("minute")) {
                out = dayTime(v, f, t);
            } else {
                throw invalid(sql, ctx, value + " " + from + " TO " + to);
            }
            return negative ? out.negate() : out;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw invalid(sql, ctx, value + " " + from + " TO " + to);
        }
    }

    private static IntervalValue dayTime(String v, String from, String to) {
        int days = 0;
        String rest = v;
        if (from.equals("day")) {
            String[] p = v.trim().split("\\s+", 2);
            days = Integer.parseInt(p[0]);
            rest = p.length > 1 ? p[1] : "";
        }
        long micros = 0;
        if (!rest.isEmpty()) {
            String[] fields = rest.split(":");
            long[] scale = switch (from) {
                case "minute" -> new long[] {MICROS_PER_MINUTE, MICROS_PER_SECOND};
                default -> new long[] {MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND};
            };
            for (int i = 0; i < fields.length; i++) {
                micros += scale[i] == MICROS_PER_SECOND
                        ? new BigDecimal(fields[i]).movePointRight(6).longValueExact()
                        : Long.parseLong(fields[i]) * scale[i];
            }
        }
        return new IntervalValue(0, days, micros);
    }

    private static io.ember.sql.ParseException invalid(String sql, ParserRuleContext ctx, String input) {
        return ParseErrors.at(sql, ctx, "INVALID_INTERVAL_FORMAT.INPUT_IS_NULL_OR_INVALID",
                "Error parsing '" + input + "' to interval.", "22006", Map.of("input", input));
    }
}
