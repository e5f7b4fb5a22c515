package io.ember.sql.vector;

import io.ember.sql.types.DataType;

/**
 * A vector of boxed internal values (decimal, binary, array, map, struct, null); a null
 * element is a null value.
 */
public final class ObjectVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final Object[] values;

    public ObjectVector(DataType type, int size) {
        this(type, new Object[size]);
    }

    public ObjectVector(DataType type, Object[] values) {
        super(type);
        this.values = values;
    }

    public void set(int i, Object v) {
        values[i] = v;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isNull(int i) {
        return values[i] == null;
    }

    @Override
    public boolean mayHaveNulls() {
        return true;
    }

    @Override
    public Object get(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        return (long) values.length * (8 + type.defaultSize());
    }
}
