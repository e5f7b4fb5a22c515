package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code double} values. */
public final class DoubleVector extends PrimitiveVector {
    private static final long serialVersionUID = 1L;

    public final double[] values;

    public DoubleVector(DataType type, int size) {
        this(type, new double[size], null);
    }

    public DoubleVector(DataType type, double[] values, boolean[] nulls) {
        super(type, nulls);
        this.values = values;
    }

    public void set(int i, double v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(int i) {
        return isNull(i) ? null : (Double) values[i];
    }

    @Override
    public double getDouble(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return bytesAt(8);
    }
}
