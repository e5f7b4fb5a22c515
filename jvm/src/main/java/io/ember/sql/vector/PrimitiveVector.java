package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/**
 * A vector of one primitive Java type held in a public array by the subclass, with a null mask
 * shared here: {@code nulls} is null when no value is null.
 */
public abstract class PrimitiveVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public boolean[] nulls;

    protected PrimitiveVector(DataType type, boolean[] nulls) {
        super(type);
        this.nulls = nulls;
    }

    public final void setNull(int i) {
        if (nulls == null) {
            nulls = new boolean[size()];
        }
        nulls[i] = true;
    }

    @Override
    public final boolean isNull(int i) {
        return nulls != null && nulls[i];
    }

    @Override
    public final boolean mayHaveNulls() {
        return nulls != null;
    }

    /** Bytes held with {@code valueBytes} per value, the null mask included. */
    protected final long bytesAt(int valueBytes) {
        return (long) size() * (valueBytes + (nulls == null ? 0 : 1));
    }
}
