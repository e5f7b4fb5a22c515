package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code int} values. */
public final class IntVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    public final int[] values;

    public IntVector(DataType type, int size) {
        this(type, new int[size], null);
    }

    public IntVector(DataType type, int[] values, boolean[] nulls) {
        super(type, nulls);
        this.values = values;
    }

    public void set(int i, int v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : (Integer) values[i];
    }

    @Override
    public int getInt(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(4);
    }
}
