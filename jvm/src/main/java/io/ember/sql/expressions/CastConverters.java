package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DayTimeIntervalType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.YearMonthIntervalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.LongType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the per-value conversion of a {@link Cast} from one type to another (non-null in; null
 * out means the value did not convert). One instance per evaluation: it holds the ANSI flag and
 * zone of the cast.
 */
final class CastConverters {
    private final boolean ansi;
    private final ZoneId zone;

    CastConverters(boolean ansi, ZoneId zone) {
        this.ansi = ansi;
        this.zone = zone;
    }

    Function<Object, Object> converter(DataType from, DataType to) {
        if (from.equals(to)) return v -> v;
        if (IntervalCasts.handles(from, to)) return IntervalCasts.converter(from, to);
        if (from instanceof NullType) return v -> null;   // a void column has no value to convert
        if (to instanceof StringType) return toStringFn(from);
        if (to instanceof BooleanType) return toBoolean(from);
        if (to instanceof ByteType) return integral(from, to, Byte.MIN_VALUE, Byte.MAX_VALUE);
        if (to instanceof ShortType) return integral(from, to, Short.MIN_VALUE, Short.MAX_VALUE);
        if (to instanceof IntegerType) return integral(from, to, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (to instanceof LongType) return integral(from, to, Long.MIN_VALUE, Long.MAX_VALUE);
        if (to instanceof DoubleType) return toDouble(from);
        if (to instanceof FloatType) {
            Function<Object, Object> d = toDouble(from);
            return v -> {
                Object r = d.apply(v);
                return r == null ? null : (float) (double) (Double) r;
            };
        }
        if (to instanceof DecimalType dt) return toDecimal(from, dt);
        if (to instanceof DateType) return toDate(from);
        if (to instanceof TimestampType) return toTimestamp(from);
        if (to instanceof TimestampNTZType) return toTimestampNtz(from);
        if (to instanceof BinaryType) return toBinary(from);
        if (from instanceof ArrayType a && to instanceof ArrayType b) {
            Function<Object, Object> e = nullSafe(converter(a.elementType(), b.elementType()));
            return v -> {
                List<?> in = (List<?>) v;
                List<Object> out = new ArrayList<>(in.size());
                for (Object x : in) out.add(e.apply(x));
                return out;
            };
        }
        if (from instanceof MapType a && to instanceof MapType b) {
            Function<Object, Object> k = nullSafe(converter(a.keyType(), b.keyType()));
            Function<Object, Object> val = nullSafe(converter(a.valueType(), b.valueType()));
            return v -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((x, y) -> out.put(k.apply(x), val.apply(y)));
                return out;
            };
        }
        if (from instanceof StructType a && to instanceof StructType b) {
            List<Function<Object, Object>> fs = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) fs.add(nullSafe(converter(a.field(i).dataType(), b.field(i).dataType())));
            return v -> {
                Object[] in = (Object[]) v;
                Object[] out = new Object[in.length];
                for (int i = 0; i < in.length; i++) out[i] = fs.get(i).apply(in[i]);
                return out;
            };
        }
        throw new IllegalArgumentException("cannot cast " + from.simpleString() + " to " + to.simpleString());
    }

    private static Function<Object, Object> nullSafe(Function<Object, Object> f) {
        return v -> v == null ? null : f.apply(v);
    }

    private Object fail(Object v, DataType from, DataType to) {
        if (ansi) throw ExpressionEvalException.invalidInput(v, SqlTypes.sqlName(from), SqlTypes.sqlName(to));
        return null;
    }

    private Object overflow(Object v, DataType from, DataType to) {
        if (ansi) throw ExpressionEvalException.overflow(v, SqlTypes.sqlName(from), SqlTypes.sqlName(to));
        return null;
    }

    Function<Object, Object> toStringFn(DataType from) {
        if (from instanceof DateType) return v -> DateTimeUtils.formatDate((Integer) v);
        if (from instanceof TimestampType) return v -> DateTimeUtils.formatTimestamp((Long) v, zone);
        if (from instanceof TimestampNTZType) return v -> DateTimeUtils.formatTimestamp((Long) v, ZoneOffset.UTC);
        if (from instanceof DecimalType) return v -> ((BigDecimal) v).toPlainString();
        if (from instanceof DayTimeIntervalType d) return v -> IntervalStrings.dayTime((Long) v, d);
        if (from instanceof YearMonthIntervalType y) return v -> IntervalStrings.yearMonth((Integer) v, y);
        if (from instanceof BinaryType) return v -> new String((byte[]) v, StandardCharsets.UTF_8);
        if (from instanceof ArrayType a) {
            Function<Object, Object> e = toStringFn(a.elementType());
            return v -> {
                StringBuilder b = new StringBuilder("[");
                List<?> l = (List<?>) v;
                for (int i = 0; i < l.size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(l.get(i) == null ? "null" : e.apply(l.get(i)));
                }
                return b.append(']').toString();
            };
        }
        if (from instanceof MapType m) {
            Function<Object, Object> k = toStringFn(m.keyType());
            Function<Object, Object> val = toStringFn(m.valueType());
            return v -> {
                StringBuilder b = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
                    b.append(first ? "" : ", ").append(k.apply(en.getKey())).append(" -> ")
                            .append(en.getValue() == null ? "null" : val.apply(en.getValue()));
                    first = false;
                }
                return b.append('}').toString();
            };
        }
        if (from instanceof StructType s) {
            List<Function<Object, Object>> fs = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) fs.add(toStringFn(s.field(i).dataType()));
            return v -> {
                Object[] in = (Object[]) v;
                StringBuilder b = new StringBuilder("{");
                for (int i = 0; i < in.length; i++) {
                    b.append(i == 0 ? "" : ", ").append(in[i] == null ? "null" : fs.get(i).apply(in[i]));
                }
                return b.append('}').toString();
            };
        }
        return String::valueOf;
    }

    private Function<Object, Object> toBoolean(DataType from) {
        if (from instanceof StringType) return v -> {
            Boolean b = StringParsing.parseBoolean((String) v);
            return b == null ? fail(v, from, DataTypes.BooleanType) : b;
        };
        if (from instanceof DecimalType) return v -> ((BigDecimal) v).signum() != 0;
        if (from instanceof DateType) return v -> null;
        return v -> ((Number) v).doubleValue() != 0;
    }

    private Function<Object, Object> integral(DataType from, DataType to, long min, long max) {
        if (from instanceof StringType) return v -> {
            Long l = StringParsing.parseIntegral((String) v, min, max, !ansi);
            return l == null ? fail(v, from, to) : narrow(l, to);
        };
        if (from instanceof BooleanType) return v -> narrow((Boolean) v ? 1 : 0, to);
        if (from instanceof DateType) return v -> null;
        if (from instanceof TimestampType) return v -> checked(Math.floorDiv((Long) v, DateTimeUtils.MICROS_PER_SECOND), from, to, min, max);
        if (from instanceof DecimalType) return v -> {
            BigDecimal d = ((BigDecimal) v).setScale(0, RoundingMode.DOWN);
            if (ansi && (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0)) {
                return overflow(v, from, to);
            }
            return narrow(d.longValue(), to);
        };
        if (from instanceof FloatType || from instanceof DoubleType) return v -> {
            double d = ((Number) v).doubleValue();
            if (ansi && (Double.isNaN(d) || Math.floor(d) < min || Math.ceil(d) > max)) {
                return overflow(v, from, to);
            }
            return to instanceof LongType ? (Object) (long) d : narrow((int) d, to);
        };
        return v -> checked(((Number) v).longValue(), from, to, min, max);
    }

    private Object checked(long v, DataType from, DataType to, long min, long max) {
        if (ansi && (v < min || v > max)) {
            return overflow(v, from, to);
        }
        return narrow(v, to);
    }

    private static Object narrow(long v, DataType to) {
        if (to instanceof ByteType) return (int) (byte) v;
        if (to instanceof ShortType) return (int) (short) v;
        if (to instanceof IntegerType) return (int) v;
        return v;
    }

    private Function<Object, Object> toDouble(DataType from) {
        if (from instanceof StringType) return v -> {
            Double d = StringParsing.parseDouble((String) v);
            return d == null ? fail(v, from, DataTypes.DoubleType) : d;
        };
        if (from instanceof BooleanType) return v -> (Boolean) v ? 1.0 : 0.0;
        if (from instanceof DateType) return v -> null;
        if (from instanceof TimestampType) return v -> (Long) v / 1e6;
        return v -> ((Number) v).doubleValue();
    }

    private Function<Object, Object> toDecimal(DataType from, DecimalType to) {
        Function<Object, BigDecimal> exact;
        if (from instanceof StringType) exact = v -> StringParsing.parseDecimal((String) v);
        else if (from instanceof BooleanType) exact = v -> (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
        else if (from instanceof DecimalType) exact = v -> (BigDecimal) v;
        else if (from instanceof FloatType || from instanceof DoubleType) exact = v -> {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(Double.toString(d));
        };
        else if (from instanceof TimestampType) exact = v -> BigDecimal.valueOf((Long) v, 6);
        else if (from instanceof DateType) exact = v -> null;
        else exact = v -> BigDecimal.valueOf(((Number) v).longValue());
        return v -> {
            BigDecimal d = exact.apply(v);
            if (d == null) {
                return from instanceof DateType ? null : fail(v, from, to);
            }
            BigDecimal r = Decimals.toPrecision(d, to);
            if (r == null && ansi) throw ExpressionEvalException.decimalOutOfRange(d, to.precision(), to.scale());
            return r;
        };
    }

    private Function<Object, Object> toDate(DataType from) {
        if (from instanceof StringType) return v -> {
            Integer d = DateTimeUtils.parseDate((String) v);
            return d == null ? fail(v, from, DataTypes.DateType) : d;
        };
        if (from instanceof TimestampType) return v -> DateTimeUtils.daysOf((Long) v, zone);
        return v -> (int) Math.floorDiv((Long) v, DateTimeUtils.MICROS_PER_DAY);
    }

    private Function<Object, Object> toTimestamp(DataType from) {
        if (from instanceof StringType) return v -> {
            Long t = DateTimeUtils.parseTimestamp((String) v, zone);
            return t == null ? fail(v, from, DataTypes.TimestampType) : t;
        };
        if (from instanceof DateType) return v -> DateTimeUtils.startOfDay((Integer) v, zone);
        if (from instanceof TimestampNTZType) return v -> DateTimeUtils.localToMicros(DateTimeUtils.toLocal((Long) v, ZoneOffset.UTC), zone);
        if (from instanceof BooleanType) return v -> (Boolean) v ? 1L : 0L;
        if (from instanceof DecimalType) return v -> ((BigDecimal) v).movePointRight(6).longValue();
        if (from instanceof FloatType || from instanceof DoubleType) return v -> {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? null : (Object) (long) (d * 1e6);
        };
        return v -> {
            long s = ((Number) v).longValue();
            long m = s * DateTimeUtils.MICROS_PER_SECOND;
            return m / DateTimeUtils.MICROS_PER_SECOND == s ? m : (s < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        };
    }

    private Function<Object, Object> toTimestampNtz(DataType from) {
        if (from instanceof StringType) return v -> {
            LocalDateTime t = DateTimeUtils.parseLocal((String) v);
            return t == null ? fail(v, from, DataTypes.TimestampNTZType) : DateTimeUtils.localToMicros(t, ZoneOffset.UTC);
        };
        if (from instanceof DateType) return v -> (Integer) v * DateTimeUtils.MICROS_PER_DAY;
        return v -> DateTimeUtils.localToMicros(DateTimeUtils.toLocal((Long) v, zone), ZoneOffset.UTC);
    }

    private Function<Object, Object> toBinary(DataType from) {
        if (from instanceof StringType) return v -> ((String) v).getBytes(StandardCharsets.UTF_8);
        if (from instanceof ByteType) return v -> new byte[] {((Number) v).byteValue()};
        if (from instanceof ShortType) return v -> ByteBuffer.allocate(2).putShort(((Number) v).shortValue()).array();
        if (from instanceof IntegerType) return v -> ByteBuffer.allocate(4).putInt((Integer) v).array();
        return v -> ByteBuffer.allocate(8).putLong((Long) v).array();
    }
}
