package io.ember.sql.types;

import java.util.List;
import java.util.Locale;

/**
 * Spark's ANSI day-time interval type ({@code interval day to second}, {@code interval hour}):
 * a signed count of microseconds, stored like a bigint (LongVector). The fields only say how
 * the value is written and which units a cast to it keeps; two day-time intervals of different
 * fields compare and add after widening to the fields of both.
 */
public record DayTimeIntervalType(int startField, int endField) implements DataType {
    public static final int DAY = 0;
    public static final int HOUR = 1;
    public static final int MINUTE = 2;
    public static final int SECOND = 3;
    private static final List<String> NAMES = List.of("day", "hour", "minute", "second");

    /** Spark's default, {@code interval day to second}. */
    public static final DayTimeIntervalType DEFAULT = new DayTimeIntervalType(DAY, SECOND);

    public DayTimeIntervalType {
        if (startField < DAY || endField > SECOND || startField > endField) {
            throw new IllegalArgumentException("not day-time interval fields: " + startField + " to " + endField);
        }
    }

    /** The field named {@code name} (any case), or -1. */
    public static int field(String name) {
        return NAMES.indexOf(name.toLowerCase(Locale.ROOT));
    }

    /** The lower-case name of a field: {@code day}. */
    public static String fieldName(int field) {
        return NAMES.get(field);
    }

    /** The type covering the fields of both. */
    public DayTimeIntervalType widen(DayTimeIntervalType o) {
        return new DayTimeIntervalType(Math.min(startField, o.startField), Math.max(endField, o.endField));
    }

    @Override
    public String simpleString() {
        return startField == endField ? "interval " + NAMES.get(startField)
                : "interval " + NAMES.get(startField) + " to " + NAMES.get(endField);
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    @Override
    public String toString() {
        return "DayTimeIntervalType(" + startField + "," + endField + ")";
    }
}
