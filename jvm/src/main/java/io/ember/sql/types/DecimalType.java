package io.ember.sql.types;

/** Spark's {@code decimal(precision, scale)}: at most 38 digits, of which {@code scale} after the point. */
public record DecimalType(int precision, int scale) implements DataType {
    public static final int MAX_PRECISION = 38;
    public static final int MAX_SCALE = 38;
    /** The type Spark gives a decimal when none is named: {@code decimal(10,0)}. */
    public static final DecimalType USER_DEFAULT = new DecimalType(10, 0);
    /** The type of a value converted from Java or Python without a declared type. */
    public static final DecimalType SYSTEM_DEFAULT = new DecimalType(38, 18);

    public DecimalType {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision " + precision + " is out of range 1.." + MAX_PRECISION);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale " + scale + " must be between 0 and the precision " + precision);
        }
    }

    /**
     * Spark's rule for a result whose exact type needs more than 38 digits: keep the integral
     * digits and cut the scale, but never below {@code min(scale, 6)}.
     */
    public static DecimalType bounded(int precision, int scale) {
        if (precision <= MAX_PRECISION) {
            return new DecimalType(precision, scale);
        }
        int intDigits = precision - scale;
        int minScale = Math.min(scale, 6);
        int adjusted = Math.max(MAX_PRECISION - intDigits, minScale);
        return new DecimalType(MAX_PRECISION, adjusted);
    }

    @Override
    public String simpleString() {
        return "decimal(" + precision + "," + scale + ")";
    }

    @Override
    public int defaultSize() {
        return precision <= 18 ? 8 : 16;
    }

    @Override
    public String toString() {
        return "DecimalType(" + precision + "," + scale + ")";
    }
}
