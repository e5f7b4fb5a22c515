package io.ember.sql.vector;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;

/** A vector of strings; a null element is a null value. */
public final class StringVector extends ColumnVector {
    private static final long serialVersionUID = 1L;

    public final String[] values;

    public StringVector(int size) {
        this(new String[size]);
    }

    public StringVector(String[] values) {
        this(DataTypes.StringType, values);
    }

    /** For types stored as strings besides {@code string} itself. */
    public StringVector(DataType type, String[] values) {
        super(type);
        this.values = values;
    }

    public void set(int i, String v) {
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
    public String getString(int i) {
        return values[i];
    }

    @Override
    public long sizeInBytes() {
        long bytes = 8L * values.length;
        for (String s : values) {
            bytes += s == null ? 0 : 40 + s.length();
        }
        return bytes;
    }
}
