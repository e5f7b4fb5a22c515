package io.ember.sql.sources;

import io.ember.sql.expressions.IntervalStrings;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import io.ember.sql.types.YearMonthIntervalType;
import io.ember.sql.vector.ColumnVector;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * One cell of a column as text, the way the text writers (CSV, JSON strings) print it; ANSI
 * intervals as Spark's literals ({@code INTERVAL '1 02:03:04.5' DAY TO SECOND}).
 */
final class TextCells {
    private TextCells() {}

    /** The text of a non-null atomic value at {@code row}. */
    static String format(ColumnVector v, int row, TextValues values) {
        return format(v.get(row), v.dataType(), values);
    }

    /** The text of a non-null internal value of type {@code t}. */
    static String format(Object value, DataType t, TextValues values) {
        if (t instanceof DateType) {
            return values.formatDate(((Number) value).intValue());
        }
        if (t instanceof TimestampType) {
            return values.formatTimestamp(((Number) value).longValue());
        }
        if (t instanceof TimestampNTZType) {
            return values.formatTimestampNtz(((Number) value).longValue());
        }
        if (t instanceof DecimalType) {
            return ((BigDecimal) value).toPlainString();
        }
        if (t instanceof BinaryType) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (t instanceof DayTimeIntervalType d) {
            return IntervalStrings.dayTime(((Number) value).longValue(), d);
        }
        if (t instanceof YearMonthIntervalType y) {
            return IntervalStrings.yearMonth(((Number) value).intValue(), y);
        }
        return String.valueOf(value);
    }
}
