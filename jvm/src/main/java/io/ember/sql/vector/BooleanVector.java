package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code boolean} values. */
public final class BooleanVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    public final boolean[] values;

    public BooleanVector(DataType type, int size) {
        this(type, new boolean[size], null);
    }

    public BooleanVector(DataType type, boolean[] values, boolean[] nulls) {
        super(type, nulls);
        this.values = values;
    }

    public void set(int i, boolean v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : (Boolean) values[i];
    }

    @Override
    public boolean getBoolean(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(1);
    }
}
