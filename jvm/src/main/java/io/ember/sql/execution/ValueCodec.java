package io.ember.sql.execution;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads single internal values of any type by the type (no class names on the
 * wire): what {@link BatchCodec} uses for decimal, binary, array, map and struct columns.
 * Each value is preceded by a presence byte (0 null, 1 present). Stateless.
 */
final class ValueCodec {
    private ValueCodec() {}

    static void write(ByteSink out, DataType type, Object v) {
        if (v == null) {
            out.putByte(0);
            return;
        }
        out.putByte(1);
        if (type instanceof BooleanType) {
            out.putByte((Boolean) v ? 1 : 0);
        } else if (DataTypes.isIntBacked(type)) {
            out.putInt(((Number) v).intValue());
        } else if (DataTypes.isLongBacked(type)) {
            out.putLong(((Number) v).longValue());
        } else if (type instanceof FloatType) {
            out.putInt(Float.floatToRawIntBits((Float) v));
        } else if (type instanceof DoubleType) {
            out.putLong(Double.doubleToRawLongBits((Double) v));
        } else if (type instanceof StringType) {
            out.putString((String) v);
        } else if (type instanceof BinaryType) {
            out.putBytes((byte[]) v);
        } else if (type instanceof DecimalType) {
            BigDecimal d = (BigDecimal) v;
            out.putInt(d.scale());
            out.putBytes(d.unscaledValue().toByteArray());
        } else if (type instanceof ArrayType a) {
            List<?> list = (List<?>) v;
            out.putInt(list.size());
            for (Object e : list) {
                write(out, a.elementType(), e);
            }
        } else if (type instanceof MapType m) {
            Map<?, ?> map = (Map<?, ?>) v;
            out.putInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, m.keyType(), e.getKey());
                write(out, m.valueType(), e.getValue());
            }
        } else if (type instanceof StructType s) {
            Object[] fields = (Object[]) v;
            for (int i = 0; i < s.size(); i++) {
                write(out, s.fields().get(i).dataType(), fields[i]);
            }
        } else if (v instanceof io.ember.sql.types.CalendarInterval c) {
            out.putInt(c.months());
            out.putInt(c.days());
            out.putLong(c.micros());
        } else if (!(type instanceof NullType)) {
            throw new IllegalArgumentException("no codec for values of " + type.simpleString());
        }
    }

    static Object read(ByteBuffer in, DataType type) {
        if (in.get() == 0) {
            return null;
        }
        if (type instanceof BooleanType) {
            return in.get() != 0;
        } else if (DataTypes.isIntBacked(type)) {
            return in.getInt();
        } else if (DataTypes.isLongBacked(type)) {
            return in.getLong();
        } else if (type instanceof FloatType) {
            return Float.intBitsToFloat(in.getInt());
        } else if (type instanceof DoubleType) {
            return Double.longBitsToDouble(in.getLong());
        } else if (type instanceof StringType) {
            return new String(bytes(in), StandardCharsets.UTF_8);
        } else if (type instanceof BinaryType) {
            return bytes(in);
        } else if (type instanceof DecimalType) {
            int scale = in.getInt();
            return new BigDecimal(new BigInteger(bytes(in)), scale);
        } else if (type instanceof ArrayType a) {
            int n = in.getInt();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(in, a.elementType()));
            }
            return list;
        } else if (type instanceof MapType m) {
            int n = in.getInt();
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                Object k = read(in, m.keyType());
                map.put(k, read(in, m.valueType()));
            }
            return map;
        } else if (type instanceof StructType s) {
            Object[] fields = new Object[s.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = read(in, s.fields().get(i).dataType());
            }
            return fields;
        } else if (type instanceof io.ember.sql.types.CalendarIntervalType) {
            return new io.ember.sql.types.CalendarInterval(in.getInt(), in.getInt(), in.getLong());
        }
        return null;
    }

    static byte[] bytes(ByteBuffer in) {
        byte[] b = new byte[in.getInt()];
        in.get(b);
        return b;
    }
}
