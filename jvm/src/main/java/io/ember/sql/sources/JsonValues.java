package io.ember.sql.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts parsed JSON values to internal values of a schema type, as Spark's JSON reader
 * does: numbers into numeric types, any value into a string (non-strings as their JSON text),
 * strings into dates and timestamps, objects into structs and maps, arrays into arrays.
 * A value that does not fit its type throws {@link IllegalArgumentException}.
 */
final class JsonValues {
    private final TextValues text;

    JsonValues(TextValues text) {
        this.text = text;
    }

    Object convert(JsonNode n, DataType t) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (t instanceof StringType) {
            return n.isTextual() ? n.textValue() : n.toString();
        }
        if (t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new IllegalArgumentException("not an integer: " + n);
            }
            long v = n.longValue();
            long min = t instanceof LongType ? Long.MIN_VALUE : t instanceof IntegerType ? Integer.MIN_VALUE
                    : t instanceof ShortType ? Short.MIN_VALUE : Byte.MIN_VALUE;
            long max = t instanceof LongType ? Long.MAX_VALUE : t instanceof IntegerType ? Integer.MAX_VALUE
                    : t instanceof ShortType ? Short.MAX_VALUE : Byte.MAX_VALUE;
            if (v < min || v > max) {
                throw new IllegalArgumentException("out of range for " + t.simpleString() + ": " + n);
            }
            return t instanceof LongType ? (Object) v : (Object) (int) v;
        }
        if (t instanceof DoubleType || t instanceof FloatType) {
            double d;
            if (n.isNumber()) {
                d = n.doubleValue();
            } else if (n.isTextual()) {
                d = switch (n.textValue()) {
                    case "NaN" -> Double.NaN;
                    case "Infinity", "+INF", "+Infinity", "Inf" -> Double.POSITIVE_INFINITY;
                    case "-Infinity", "-INF", "-Inf" -> Double.NEGATIVE_INFINITY;
                    default -> throw new IllegalArgumentException("not a number: " + n);
                };
            } else {
                throw new IllegalArgumentException("not a number: " + n);
            }
            return t instanceof FloatType ? (Object) (float) d : (Object) d;
        }
        if (t instanceof BooleanType) {
            if (!n.isBoolean()) {
                throw new IllegalArgumentException("not a boolean: " + n);
            }
            return n.booleanValue();
        }
        if (t instanceof DecimalType d) {
            if (!n.isNumber() && !n.isTextual()) {
                throw new IllegalArgumentException("not a decimal: " + n);
            }
            Object v = ColumnBuilders.fitDecimal(n.isNumber() ? n.decimalValue() : new java.math.BigDecimal(n.textValue()), d);
            if (v == null) {
                throw new IllegalArgumentException("does not fit " + d.simpleString() + ": " + n);
            }
            return v;
        }
        if (t instanceof DateType) {
            return text.parseDate(textOf(n));
        }
        if (t instanceof TimestampType) {
            return text.parseTimestamp(textOf(n));
        }
        if (t instanceof TimestampNTZType) {
            return text.parseTimestampNtz(textOf(n));
        }
        if (t instanceof BinaryType) {
            return Base64.getDecoder().decode(textOf(n));
        }
        if (t instanceof io.ember.sql.types.DayTimeIntervalType || t instanceof io.ember.sql.types.YearMonthIntervalType) {
            return interval(textOf(n), t);
        }
        if (t instanceof ArrayType a) {
            if (!n.isArray()) {
                throw new IllegalArgumentException("not an array: " + n);
            }
            List<Object> out = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                out.add(convert(e, a.elementType()));
            }
            return out;
        }
        if (t instanceof StructType s) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("not an object: " + n);
            }
            Object[] out = new Object[s.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = convert(n.get(s.field(i).name()), s.field(i).dataType());
            }
            return out;
        }
        if (t instanceof MapType m) {
            if (!n.isObject()) {
                throw new IllegalArgumentException("not an object: " + n);
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), convert(e.getValue(), m.valueType()));
            }
            return out;
        }
        throw new IllegalArgumentException("the JSON source cannot read " + t.simpleString());
    }

    private static String textOf(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("not a string: " + n);
        }
        return n.textValue();
    }

    /** An interval written as its text ({@code INTERVAL '1 02:03:04' DAY TO SECOND}), as Spark's JSON writer writes it. */
    private static Object interval(String text, DataType t) {
        try {
            return t instanceof io.ember.sql.types.DayTimeIntervalType d
                    ? (Object) io.ember.sql.expressions.IntervalStrings.castToDayTime(text, d)
                    : (Object) io.ember.sql.expressions.IntervalStrings.castToYearMonth(text, (io.ember.sql.types.YearMonthIntervalType) t);
        } catch (io.ember.sql.expressions.ExpressionEvalException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
