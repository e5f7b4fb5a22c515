package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code long} values; {@code nulls} is null when no value is null. */
public final class LongVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final long[] values;
    public boolean[] nulls;

    public LongVector(DataType type, int size) {
        this(type, new long[size], null);
    }

    public LongVector(DataType type, long[] values, boolean[] nulls) {
        super(type);
        this.values = values;
        this.nulls = nulls;
    }

    public void set(int i, long v) {
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
        return isNull(i) ? null : (Long) values[i];
    }

    @Override
    public long getLong(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * (8 + (nulls == null ? 0 : 1));
    }
}
