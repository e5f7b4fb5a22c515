package io.ember.sql.expressions.hash;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * XXH64, and Spark's typed use of it ({@code xxhash64()}, and the hash HyperLogLog++ takes of
 * each value): values are hashed by type exactly as {@link Murmur3Hash} does, with XXH64.
 */
public final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {}

    public static long hashInt(int v, long seed) {
        long h = seed + P5 + 4L;
        h ^= (v & 0xFFFFFFFFL) * P1;
        h = Long.rotateLeft(h, 23) * P2 + P3;
        return fmix(h);
    }

    public static long hashLong(long v, long seed) {
        long h = seed + P5 + 8L;
        h ^= Long.rotateLeft(v * P2, 31) * P1;
        h = Long.rotateLeft(h, 27) * P1 + P4;
        return fmix(h);
    }

    public static long hashBytes(byte[] b, long seed) {
        int len = b.length;
        int i = 0;
        long h;
        if (len >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            for (; i <= len - 32; i += 32) {
                v1 = round(v1, getLong(b, i));
                v2 = round(v2, getLong(b, i + 8));
                v3 = round(v3, getLong(b, i + 16));
                v4 = round(v4, getLong(b, i + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = mergeRound(h, v1);
            h = mergeRound(h, v2);
            h = mergeRound(h, v3);
            h = mergeRound(h, v4);
        } else {
            h = seed + P5;
        }
        h += len;
        for (; i <= len - 8; i += 8) {
            h ^= round(0, getLong(b, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (i <= len - 4) {
            h ^= (getInt(b, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        for (; i < len; i++) {
            h ^= (b[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        return fmix(h);
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long mergeRound(long acc, long val) {
        return (acc ^ round(0, val)) * P1 + P4;
    }

    private static long getLong(byte[] b, int i) {
        return (getInt(b, i) & 0xFFFFFFFFL) | ((long) getInt(b, i + 4) << 32);
    }

    private static int getInt(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static long fmix(long h) {
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    /** The hash of one internal value of type {@code t}, continuing from {@code seed} (a null leaves it). */
    public static long hash(Object v, DataType t, long seed) {
        if (v == null) return seed;
        if (t instanceof BooleanType) return hashInt((Boolean) v ? 1 : 0, seed);
        if (DataTypes.isIntBacked(t)) return hashInt(((Number) v).intValue(), seed);
        if (DataTypes.isLongBacked(t)) return hashLong((Long) v, seed);
        if (t.equals(DataTypes.FloatType)) {
            float f = (Float) v;
            return hashInt(Float.floatToIntBits(f == -0.0f ? 0.0f : f), seed);
        }
        if (t.equals(DataTypes.DoubleType)) {
            double d = (Double) v;
            return hashLong(Double.doubleToLongBits(d == -0.0d ? 0.0d : d), seed);
        }
        if (t instanceof DecimalType dt) {
            BigDecimal d = (BigDecimal) v;
            if (dt.precision() <= 18) return hashLong(d.unscaledValue().longValue(), seed);
            return hashBytes(d.unscaledValue().toByteArray(), seed);
        }
        if (t instanceof StringType) return hashBytes(((String) v).getBytes(StandardCharsets.UTF_8), seed);
        if (t instanceof BinaryType) return hashBytes((byte[]) v, seed);
        if (t instanceof ArrayType a) {
            long h = seed;
            for (Object x : (List<?>) v) h = hash(x, a.elementType(), h);
            return h;
        }
        if (t instanceof MapType m) {
            long h = seed;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                h = hash(e.getKey(), m.keyType(), h);
                h = hash(e.getValue(), m.valueType(), h);
            }
            return h;
        }
        if (t instanceof StructType s) {
            Object[] fields = (Object[]) v;
            long h = seed;
            for (int i = 0; i < fields.length; i++) h = hash(fields[i], s.field(i).dataType(), h);
            return h;
        }
        return seed;
    }
}
