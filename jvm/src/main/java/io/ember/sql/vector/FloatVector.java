package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code float} values. */
public final class FloatVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    public final float[] values;

    public FloatVector(DataType type, int size) {
        this(type, new float[size], null);
    }

    public FloatVector(DataType type, float[] values, boolean[] nulls) {
        super(type, nulls);
        this.values = values;
    }

    public void set(int i, float v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : (Float) values[i];
    }

    @Override
    public float getFloat(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(4);
    }
}
