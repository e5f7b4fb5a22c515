package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/** A vector of {@code boolean} values; {@code nulls} is null when no value is null. */
public final class BooleanVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final boolean[] values;
    public boolean[] nulls;

    public BooleanVector(DataType type, int size) {
        this(type, new boolean[size], null);
    }

    public BooleanVector(DataType type, boolean[] values, boolean[] nulls) {
        super(type);
        this.values = values;
        this.nulls = nulls;
    }

    public void set(int i, boolean v) {
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
        return isNull(i) ? null : (Boolean) values[i];
    }

    @Override
    public boolean getBoolean(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * (1 + (nulls == null ? 0 : 1));
    }
}
