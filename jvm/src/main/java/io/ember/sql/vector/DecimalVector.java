package io.ember.sql.vector;

import io.ember.sql.types.DecimalType;
import java.math.BigDecimal;

/**
 * Decimals held as unscaled {@code long}s at the type's scale: the compact form of a decimal
 * column whose values all fit 18 digits, whatever the type's precision (a {@code decimal(38,6)}
 * product of small prices is still compact). {@link #get} gives the {@link BigDecimal} every
 * decimal consumer understands; kernels that know this class read {@link #unscaled} directly.
 * Other code may still hold decimals in an {@link ObjectVector}; both forms are valid.
 */
public final class DecimalVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    /** Digits every unscaled long holds: a decimal type of at most this precision always fits. */
    public static final int MAX_LONG_DIGITS = 18;

    public final long[] unscaled;
    private final int scale;

    public DecimalVector(DecimalType type, long[] unscaled, boolean[] nulls) {
        super(type, nulls);
        this.unscaled = unscaled;
        this.scale = type.scale();
    }

    public int scale() {
        return scale;
    }

    public void set(int i, long unscaledValue) {
        unscaled[i] = unscaledValue;
    }

    @Override
    public int size() {
        return unscaled.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : BigDecimal.valueOf(unscaled[i], scale);
    }

    @Override
    public long getLong(int i) {
        return unscaled[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(8);
    }
}
