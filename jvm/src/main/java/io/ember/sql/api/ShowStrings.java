package io.ember.sql.api;

import io.ember.sql.expressions.DateTimeUtils;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A value as {@code show()} prints it, from its internal representation: Spark's cast to
 * string ({@code [1, 2]}, {@code {k -> 1}}, {@code {1, x}}, {@code 2020-01-02 03:04:05.6} in the
 * session time zone), {@code NULL} for a null at any depth and hex bytes for binary.
 */
final class ShowStrings {
    private final ZoneId zone;

    ShowStrings(ZoneId zone) {
        this.zone = zone;
    }

    String top(Object v, DataType t) {
        return nested(v, t);
    }

    private String nested(Object v, DataType t) {
        if (v == null) {
            return "NULL";
        }
        if (t instanceof BinaryType) {
            StringBuilder b = new StringBuilder("[");
            byte[] bytes = (byte[]) v;
            for (int i = 0; i < bytes.length; i++) {
                b.append(i == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xff));
            }
            return b.append(']').toString();
        }
        if (t instanceof DateType) {
            return DateTimeUtils.formatDate(((Number) v).intValue());
        }
        if (t instanceof TimestampType) {
            return DateTimeUtils.formatTimestamp(((Number) v).longValue(), zone);
        }
        if (t instanceof TimestampNTZType) {
            return DateTimeUtils.formatTimestamp(((Number) v).longValue(), ZoneOffset.UTC);
        }
        if (t instanceof DecimalType) {
            return ((BigDecimal) v).toPlainString();
        }
        if (t instanceof io.ember.sql.types.DayTimeIntervalType d) {
            return io.ember.sql.expressions.IntervalStrings.dayTime(((Number) v).longValue(), d);
        }
        if (t instanceof io.ember.sql.types.YearMonthIntervalType y) {
            return io.ember.sql.expressions.IntervalStrings.yearMonth(((Number) v).intValue(), y);
        }
        if (t instanceof ArrayType a) {
            StringBuilder b = new StringBuilder("[");
            List<?> items = (List<?>) v;
            for (int i = 0; i < items.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(nested(items.get(i), a.elementType()));
            }
            return b.append(']').toString();
        }
        if (t instanceof MapType m) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                b.append(first ? "" : ", ").append(nested(e.getKey(), m.keyType())).append(" -> ")
                        .append(nested(e.getValue(), m.valueType()));
                first = false;
            }
            return b.append('}').toString();
        }
        if (t instanceof StructType s) {
            StringBuilder b = new StringBuilder("{");
            Object[] fields = (Object[]) v;
            for (int i = 0; i < fields.length; i++) {
                b.append(i == 0 ? "" : ", ").append(nested(fields[i], s.field(i).dataType()));
            }
            return b.append('}').toString();
        }
        return String.valueOf(v);
    }
}
