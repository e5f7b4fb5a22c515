package io.ember.sql.vector;

import io.ember.sql.types.DataType;
import java.io.Serializable;

/**
 * One column of a {@link ColumnBatch}: {@link #size()} values of one {@link DataType}, in the
 * type's internal representation (see {@link DataType}). Kernels that know the concrete class
 * read its public arrays directly; everything else uses the typed getters, which a subclass
 * implements for its own representation only.
 *
 * <p>A vector is filled by the operator that allocates it and is read-only once handed on.
 */
public abstract class ColumnVector implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final DataType type;

    protected ColumnVector(DataType type) {
        this.type = type;
    }

    public final DataType dataType() {
        return type;
    }

    /** The number of values. */
    public abstract int size();

    public abstract boolean isNull(int i);

    /** True if any value may be null (false means none is). */
    public abstract boolean mayHaveNulls();

    /** The internal value at {@code i}, boxed; null for a null value. */
    public abstract Object get(int i);

    public boolean getBoolean(int i) {
        throw unsupported("boolean");
    }

    public int getInt(int i) {
        throw unsupported("int");
    }

    public long getLong(int i) {
        throw unsupported("long");
    }

    public float getFloat(int i) {
        throw unsupported("float");
    }

    public double getDouble(int i) {
        throw unsupported("double");
    }

    public String getString(int i) {
        throw unsupported("string");
    }

    /** Bytes held, estimated, for memory accounting and statistics. */
    public abstract long sizeInBytes();

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(getClass().getSimpleName() + " of " + type.simpleString()
                + " has no " + what + " values");
    }
}
