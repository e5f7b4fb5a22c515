package io.ember.sql.parser;

import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.YearMonthIntervalType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Interval literals as Spark 4 types them: {@code INTERVAL '1-2' YEAR TO MONTH} and {@code
 * INTERVAL 1 YEAR 2 MONTHS} are year-month intervals, {@code INTERVAL '1 2:03:04' DAY TO SECOND}
 * and {@code INTERVAL 3 HOURS 4 MINUTES} day-time intervals whose fields run from the largest
 * unit named to the smallest (weeks count as days, milli- and microseconds as seconds); mixing
 * the two families is a parse error, as in Spark.
 */
final class Intervals {
    private Intervals() {}

    /** A running sum of {@code value unit} pairs and the fields they named. */
    static final class Units {
        private long months;
        private long micros;
        private int ymFrom = Integer.MAX_VALUE;
        private int ymTo = -1;
        private int dtFrom = Integer.MAX_VALUE;
        private int dtTo = -1;

        void add(String sql, ParserRuleContext ctx, String value, String unit) {
            String u = unit.toLowerCase(Locale.ROOT);
            if (u.endsWith("s")) {
                u = u.substring(0, u.length() - 1);
            }
            try {
                switch (u) {
                    case "year" -> ym(YearMonthIntervalType.YEAR, Math.multiplyExact(Long.parseLong(value), 12L));
                    case "month" -> ym(YearMonthIntervalType.MONTH, Long.parseLong(value));
                    case "week" -> dt(DayTimeIntervalType.DAY, Math.multiplyExact(Long.parseLong(value), 7 * IntervalStrings.MICROS_PER_DAY));
                    case "day" -> dt(DayTimeIntervalType.DAY, Math.multiplyExact(Long.parseLong(value), IntervalStrings.MICROS_PER_DAY));
                    case "hour" -> dt(DayTimeIntervalType.HOUR, Math.multiplyExact(Long.parseLong(value), IntervalStrings.MICROS_PER_HOUR));
                    case "minute" -> dt(DayTimeIntervalType.MINUTE, Math.multiplyExact(Long.parseLong(value), IntervalStrings.MICROS_PER_MINUTE));
                    case "second" -> dt(DayTimeIntervalType.SECOND, new BigDecimal(value).movePointRight(6).longValueExact());
                    case "millisecond" -> dt(DayTimeIntervalType.SECOND, new BigDecimal(value).movePointRight(3).longValueExact());
                    case "microsecond" -> dt(DayTimeIntervalType.SECOND, Long.parseLong(value));
                    default -> throw ParseErrors.at(sql, ctx, "INVALID_INTERVAL_FORMAT.INVALID_UNIT",
                            "Error parsing '" + value + " " + unit + "' to interval. Invalid unit '" + unit + "'.", "22006",
                            Map.of("input", value + " " + unit, "unit", unit));
                }
            } catch (NumberFormatException | ArithmeticException e) {
                throw invalid(sql, ctx, value + " " + unit);
            }
        }

        private void ym(int field, long m) {
            months = Math.addExact(months, m);
            ymFrom = Math.min(ymFrom, field);
            ymTo = Math.max(ymTo, field);
        }

        private void dt(int field, long m) {
            micros = Math.addExact(micros, m);
            dtFrom = Math.min(dtFrom, field);
            dtTo = Math.max(dtTo, field);
        }

        /** The literal; a ParseException when both families were named. */
        Literal literal(String sql, ParserRuleContext ctx) {
            if (ymTo >= 0 && dtTo >= 0) {
                String text = io.ember.sql.parser.SparkSqlParser.textOf(sql, ctx);
                throw ParseErrors.at(sql, ctx, "_LEGACY_ERROR_TEMP_0029",
                        "Cannot mix year-month and day-time fields: " + text, "42000", Map.of("literal", text));
            }
            if (ymTo >= 0) {
                try {
                    return new Literal(Math.toIntExact(months), new YearMonthIntervalType(ymFrom, ymTo));
                } catch (ArithmeticException e) {
                    throw invalid(sql, ctx, io.ember.sql.parser.SparkSqlParser.textOf(sql, ctx));
                }
            }
            return new Literal(micros, new DayTimeIntervalType(dtFrom, dtTo));
        }
    }

    /** {@code INTERVAL 'text' from TO to}. */
    static Literal unitToUnit(String sql, ParserRuleContext ctx, String value, String from, String to) {
        int dtFrom = DayTimeIntervalType.field(from);
        int dtTo = DayTimeIntervalType.field(to);
        int ymFrom = YearMonthIntervalType.field(from);
        int ymTo = YearMonthIntervalType.field(to);
        try {
            if (ymFrom == YearMonthIntervalType.YEAR && ymTo == YearMonthIntervalType.MONTH) {
                return new Literal(IntervalStrings.parseYearMonth(value, ymFrom, ymTo), YearMonthIntervalType.DEFAULT);
            }
            if (dtFrom >= 0 && dtTo > dtFrom) {
                return new Literal(IntervalStrings.parseDayTime(value, dtFrom, dtTo), new DayTimeIntervalType(dtFrom, dtTo));
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(sql, ctx, value + " " + from + " TO " + to);
        }
        throw ParseErrors.at(sql, ctx, "INVALID_INTERVAL_FORMAT.UNSUPPORTED_FROM_TO_EXPRESSION",
                "Error parsing '" + value + "' to interval. Cannot support (interval '" + value + "' " + from + " to "
                        + to + ") expression.", "22006", Map.of("input", value, "from", from, "to", to));
    }

    private static io.ember.sql.ParseException invalid(String sql, ParserRuleContext ctx, String input) {
        return ParseErrors.at(sql, ctx, "INVALID_INTERVAL_FORMAT.INPUT_IS_NULL_OR_INVALID",
                "Error parsing '" + input + "' to interval.", "22006", Map.of("input", input));
    }
}
