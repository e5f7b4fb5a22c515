package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code float} values; {@code nulls} is null when no value is null. */
public final class FloatVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final float[] values;
    public boolean[] nulls;

    public FloatVector(DataType type, int size) {
        this(type, new float[size], null);
    }

    public FloatVector(DataType type, float[] values, boolean[] nulls) {
        super(type);
        this.values = values;
        this.nulls = nulls;
    }

    public void set(int i, float v) {
        values[i] = v;
    }

    public void setNull(int i) {
        if (nulls == null) {
            nulls = new boolean[values.length];
        }
        nulls[i] = true;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int i) {
        return nulls != null && nulls[i];
    }

    @Override
    public boolean mayHaveNulls() {
        return nulls != null;
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
        return (long) values.length * (4 + (nulls == null ? 0 : 1));
    }
}
