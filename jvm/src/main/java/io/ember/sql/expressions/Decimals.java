package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Spark's decimal rules: result types of arithmetic, widening, and fitting a value into a type. */
public final class Decimals {
    private Decimals() {}

    /** {@code v} rounded HALF_UP to the type's scale, or null when it needs more digits than the precision. */
    public static BigDecimal toPrecision(BigDecimal v, DecimalType t) {
        if (v == null) {
            return null;
        }
        BigDecimal r = v.scale() == t.scale() ? v : v.setScale(t.scale(), RoundingMode.HALF_UP);
        return r.precision() - r.scale() > t.precision() - t.scale() && r.signum() != 0 ? null : r;
    }

    /** Spark's {@code adjustPrecisionScale}: over 38 digits, keep integral digits and cut the scale (not below 6). */
    public static DecimalType adjust(int precision, int scale) {
        return DecimalType.bounded(precision, scale);
    }

    /** Spark's {@code DecimalType.bounded}: clamp both to 38. */
    public static DecimalType clamp(int precision, int scale) {
        return new DecimalType(Math.min(precision, DecimalType.MAX_PRECISION), Math.min(scale, DecimalType.MAX_SCALE));
    }

    /** The decimal that holds every value of an integral or fractional type ({@code int} -> (10,0)). */
    public static DecimalType forType(DataType t) {
        if (t instanceof DecimalType d) return d;
        if (t.equals(DataTypes.ByteType)) return new DecimalType(3, 0);
        if (t.equals(DataTypes.ShortType)) return new DecimalType(5, 0);
        if (t.equals(DataTypes.IntegerType)) return new DecimalType(10, 0);
        if (t.equals(DataTypes.LongType)) return new DecimalType(20, 0);
        if (t.equals(DataTypes.FloatType)) return new DecimalType(14, 7);
        if (t.equals(DataTypes.DoubleType)) return new DecimalType(30, 15);
        throw new IllegalArgumentException("no decimal for " + t.simpleString());
    }

    /** The smallest decimal holding an integral literal: 1 -> (1,0), 123 -> (3,0). */
    public static DecimalType forLiteral(long v) {
        return new DecimalType(Math.max(1, BigDecimal.valueOf(v).precision()), 0);
    }

    /** The decimal holding both: max scale and max integral digits. */
    public static DecimalType wider(DecimalType a, DecimalType b) {
        int scale = Math.max(a.scale(), b.scale());
        int range = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
        return clamp(range + scale, scale);
    }
}
