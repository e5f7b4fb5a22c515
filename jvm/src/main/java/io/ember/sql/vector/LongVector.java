package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code long} values. */
public final class LongVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    public final long[] values;

    public LongVector(DataType type, int size) {
        this(type, new long[size], null);
    }

    public LongVector(DataType type, long[] values, boolean[] nulls) {
        super(type, nulls);
        this.values = values;
    }

    public void set(int i, long v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : (Long) values[i];
    }

    @Override
    public long getLong(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(8);
    }
}
