package io.ember.sql.api;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.ByteType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DateType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.ShortType;
import io.ember.sql.types.StructType;
import io.ember.sql.types.TimestampNTZType;
import io.ember.sql.types.TimestampType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts values between the internal representation ({@link DataType}'s table) and the external Java types of {@link Row}. */
final class ExternalValues {
    private ExternalValues() {}

    static Object toExternal(Object v, DataType t) {
        if (v == null) {
            return null;
        }
        if (t instanceof ByteType) return ((Number) v).byteValue();
        if (t instanceof ShortType) return ((Number) v).shortValue();
        if (t instanceof DateType) return Date.valueOf(LocalDate.ofEpochDay(((Number) v).intValue()));
        if (t instanceof TimestampType) return Timestamp.from(Instant.EPOCH.plus(((Number) v).longValue(), ChronoUnit.MICROS));
        if (t instanceof TimestampNTZType) {
            return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC).plus(((Number) v).longValue(), ChronoUnit.MICROS);
        }
        if (t instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(toExternal(e, a.elementType()));
            }
            return out;
        }
        if (t instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(toExternal(e.getKey(), m.keyType()), toExternal(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (t instanceof StructType s) {
            Object[] fields = (Object[]) v;
            Object[] out = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                out[i] = toExternal(fields[i], s.field(i).dataType());
            }
            return new Row(out, s);
        }
        return v;
    }

    static Object toInternal(Object v, DataType t) {
        if (v == null) {
            return null;
        }
        if (t instanceof ByteType || t instanceof ShortType) return ((Number) v).intValue();
        if (t instanceof DateType) {
            LocalDate d = v instanceof Date sd ? sd.toLocalDate() : (LocalDate) v;
            return (int) d.toEpochDay();
        }
        if (t instanceof TimestampType) {
            Instant i = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
            return io.ember.sql.expressions.DateTimeUtils.toMicros(i);
        }
        if (t instanceof TimestampNTZType) {
            return io.ember.sql.expressions.DateTimeUtils.localToMicros((LocalDateTime) v, ZoneOffset.UTC);
        }
        if (t instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            for (Object e : (List<?>) v) {
                out.add(toInternal(e, a.elementType()));
            }
            return out;
        }
        if (t instanceof MapType m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.put(toInternal(e.getKey(), m.keyType()), toInternal(e.getValue(), m.valueType()));
            }
            return out;
        }
        if (t instanceof StructType s) {
            Row r = (Row) v;
            Object[] out = new Object[s.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toInternal(r.get(i), s.field(i).dataType());
            }
            return out;
        }
        return v;
    }
}
