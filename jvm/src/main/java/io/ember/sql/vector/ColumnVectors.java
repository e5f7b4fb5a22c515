package io.ember.sql.vector;

import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.StringType;
import java.math.BigDecimal;
import java.util.Arrays;

/** Allocates the vector class that holds a type's internal representation. */
public final class ColumnVectors {
    private ColumnVectors() {}

    public static ColumnVector allocate(DataType type, int size) {
        if (type instanceof BooleanType) {
            return new BooleanVector(type, size);
        }
        if (DataTypes.isIntBacked(type)) {
            return new IntVector(type, size);
        }
        if (DataTypes.isLongBacked(type)) {
            return new LongVector(type, size);
        }
        if (type instanceof FloatType) {
            return new FloatVector(type, size);
        }
        if (type instanceof DoubleType) {
            return new DoubleVector(type, size);
        }
        if (type instanceof StringType) {
            return new StringVector(size);
        }
        if (type instanceof DecimalType d && d.precision() <= DecimalVector.MAX_LONG_DIGITS) {
            return new DecimalVector(d, new long[size], null);    // every value of the type fits a long
        }
        return new ObjectVector(type, size);
    }

    /** A vector of {@code size} copies of one internal value (null allowed). */
    public static ColumnVector constant(DataType type, Object value, int size) {
        if (value instanceof BigDecimal d && type instanceof DecimalType t && d.scale() == t.scale()
                && d.unscaledValue().bitLength() < 64) {
            long[] unscaled = new long[size];
            Arrays.fill(unscaled, d.unscaledValue().longValue());
            return new DecimalVector(t, unscaled, null);
        }
        ColumnVector v = allocate(type, size);
        if (value != null && v instanceof IntVector n) {
            Arrays.fill(n.values, ((Number) value).intValue());
        } else if (value != null && v instanceof LongVector n) {
            Arrays.fill(n.values, ((Number) value).longValue());
        } else if (value != null && v instanceof DoubleVector n) {
            Arrays.fill(n.values, ((Number) value).doubleValue());
        } else {
            for (int i = 0; i < size; i++) {
                set(v, i, value);
            }
        }
        return v;
    }

    /** Writes one boxed internal value (null allowed) into a vector made by {@link #allocate}. */
    public static void set(ColumnVector v, int i, Object value) {
        if (v instanceof BooleanVector b) {
            if (value == null) b.setNull(i); else b.set(i, (Boolean) value);
        } else if (v instanceof IntVector n) {
            if (value == null) n.setNull(i); else n.set(i, ((Number) value).intValue());
        } else if (v instanceof LongVector n) {
            if (value == null) n.setNull(i); else n.set(i, ((Number) value).longValue());
        } else if (v instanceof FloatVector n) {
            if (value == null) n.setNull(i); else n.set(i, ((Number) value).floatValue());
        } else if (v instanceof DoubleVector n) {
            if (value == null) n.setNull(i); else n.set(i, ((Number) value).doubleValue());
        } else if (v instanceof StringVector s) {
            s.set(i, (String) value);
        } else if (v instanceof ObjectVector o) {
            o.set(i, value);
        } else if (v instanceof DecimalVector d) {
            if (value == null) d.setNull(i); else d.set(i, ((java.math.BigDecimal) value).setScale(d.scale(), java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact());
        } else {
            throw new IllegalArgumentException("cannot write into " + v.getClass().getSimpleName());
        }
    }
}
