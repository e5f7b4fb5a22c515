package io.ember.sql.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI year-month interval type ({@code interval year to month}, {@code interval month}):
 * a signed count of months, stored like an int (IntVector).
 */
public record YearMonthIntervalType(int startField, int endField) implements DataType {
    public static final int YEAR = 0;
    public static final int MONTH = 1;
    private static final List<String> NAMES = List.of("year", "month");

    /** Spark's default, {@code interval year to month}. */
    public static final YearMonthIntervalType DEFAULT = new YearMonthIntervalType(YEAR, MONTH);

    public YearMonthIntervalType {
        if (startField < YEAR || endField > MONTH || startField > endField) {
            throw new IllegalArgumentException("not year-month interval fields: " + startField + " to " + endField);
        }
    }

    /** The field named {@code name} (any case), or -1. */
    public static int field(String name) {
        return NAMES.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** The lower-case name of a field: {@code year}. */
    public static String fieldName(int field) {
        return NAMES.get(field);
    }

    /** The type covering the fields of both. */
    public YearMonthIntervalType widen(YearMonthIntervalType o) {
        return new YearMonthIntervalType(Math.min(startField, o.startField), Math.max(endField, o.endField));
    }

    @Override
    public String simpleString() {
        return startField == endField ? "interval " + NAMES.get(startField)
                : "interval " + NAMES.get(startField) + " to " + NAMES.get(endField);
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    @Override
    public String toString() {
        return "YearMonthIntervalType(" + startField + "," + endField + ")";
    }
}
