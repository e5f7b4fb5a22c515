package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.YearMonthIntervalType;
import java.util.function.Function;

/**
 * Casts into and between the ANSI interval types, as Spark's: from strings (the bare or the
 * literal form of the target's fields; a mismatch fails whatever the ANSI setting), between two
 * day-time (or two year-month) types, dropping the units below the target's end field, and
 * between a single-field interval and an integral number of that field's units. Stateless.
 */
final class IntervalCasts {
    private static final long[] DT_UNIT = {IntervalStrings.MICROS_PER_DAY, IntervalStrings.MICROS_PER_HOUR,
            IntervalStrings.MICROS_PER_MINUTE, IntervalStrings.MICROS_PER_SECOND};

    private IntervalCasts() {}

    /** Whether this class converts {@code from} to {@code to} (interval to string is the string cast's). */
    static boolean handles(DataType from, DataType to) {
        if (to instanceof DayTimeIntervalType d) {
            return from instanceof StringType || from instanceof DayTimeIntervalType
                    || SqlTypes.isIntegral(from) && d.startField() == d.endField();
        }
        if (to instanceof YearMonthIntervalType y) {
            return from instanceof StringType || from instanceof YearMonthIntervalType
                    || SqlTypes.isIntegral(from) && y.startField() == y.endField();
        }
        if (SqlTypes.isIntegral(to)) {
            return from instanceof DayTimeIntervalType d && d.startField() == d.endField()
                    || from instanceof YearMonthIntervalType y && y.startField() == y.endField();
        }
        return false;
    }

    /** The conversion of one non-null value; only for types {@link #handles} accepts. */
    static Function<Object, Object> converter(DataType from, DataType to) {
        if (to instanceof DayTimeIntervalType d) {
            long unit = DT_UNIT[d.endField()];
            if (from instanceof StringType) return v -> IntervalStrings.castToDayTime((String) v, d);
            if (from instanceof DayTimeIntervalType) return v -> (Long) v - (Long) v % unit;
            return v -> multiply(((Number) v).longValue(), unit, from, to);
        }
        if (to instanceof YearMonthIntervalType y) {
            boolean years = y.endField() == YearMonthIntervalType.YEAR;
            if (from instanceof StringType) return v -> IntervalStrings.castToYearMonth((String) v, y);
            if (from instanceof YearMonthIntervalType) return v -> years ? (Integer) v - (Integer) v % 12 : v;
            return v -> Math.toIntExact(multiply(((Number) v).longValue(), years ? 12 : 1, from, to));
        }
        long unit = from instanceof DayTimeIntervalType d ? DT_UNIT[d.startField()]
                : ((YearMonthIntervalType) from).startField() == YearMonthIntervalType.YEAR ? 12 : 1;
        return v -> narrow(((Number) v).longValue() / unit, v, from, to);
    }

    private static long multiply(long n, long unit, DataType from, DataType to) {
        try {
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException e) {
            throw ExpressionEvalException.overflow(n, SqlTypes.sqlName(from), SqlTypes.sqlName(to));
        }
    }

    private static Object narrow(long n, Object v, DataType from, DataType to) {
        long min = to.equals(io.ember.sql.types.DataTypes.ByteType) ? Byte.MIN_VALUE
                : to.equals(io.ember.sql.types.DataTypes.ShortType) ? Short.MIN_VALUE
                : to.equals(io.ember.sql.types.DataTypes.IntegerType) ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = -(min + 1);
        if (n < min || n > max) {
            throw ExpressionEvalException.overflow(v, SqlTypes.sqlName(from), SqlTypes.sqlName(to));
        }
        return to.equals(io.ember.sql.types.DataTypes.LongType) ? (Object) n : (Object) (int) n;
    }
}
