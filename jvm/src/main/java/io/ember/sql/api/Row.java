package io.ember.sql.api;

import io.ember.sql.types.StructType;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a {@link Dataset}: values in Spark's external Java types ({@code Integer},
 * {@code Long}, {@code String}, {@code java.math.BigDecimal}, {@code java.sql.Date},
 * {@code java.sql.Timestamp}, {@code java.time.LocalDateTime} for timestamp_ntz, {@code byte[]},
 * {@code java.util.List}, {@code java.util.Map}, and {@code Row} for structs). Immutable.
 */
public final class Row implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Object[] values;
    private final StructType schema;

    public Row(Object[] values, StructType schema) {
        this.values = values.clone();
        this.schema = schema;
    }

    /** A row without a schema, as {@code RowFactory.create} makes. */
    public static Row of(Object... values) {
        return new Row(values, null);
    }

    public int size() {
        return values.length;
    }

    public int length() {
        return values.length;
    }

    /** The schema, or null for a row made with {@link #of}. */
    public StructType schema() {
        return schema;
    }

    public Object get(int i) {
        return values[i];
    }

    public boolean isNullAt(int i) {
        return values[i] == null;
    }

    public int getInt(int i) {
        return ((Number) values[i]).intValue();
    }

    public long getLong(int i) {
        return ((Number) values[i]).longValue();
    }

    public double getDouble(int i) {
        return ((Number) values[i]).doubleValue();
    }

    public boolean getBoolean(int i) {
        return (Boolean) values[i];
    }

    public String getString(int i) {
        return (String) values[i];
    }

    /** The index of field {@code name}; needs a schema. */
    public int fieldIndex(String name) {
        if (schema == null) {
            throw new UnsupportedOperationException("fieldIndex on a Row without schema is not supported");
        }
        int i = schema.fieldNames().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name + " does not exist. Available: " + String.join(", ", schema.fieldNames()));
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(String name) {
        return (T) values[fieldIndex(name)];
    }

    @SuppressWarnings("unchecked")
    public <T> T getAs(int i) {
        return (T) values[i];
    }

    public List<Object> toList() {
        return Arrays.asList(values.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    /** {@code [1,a,null]}, as Spark prints a row. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(values[i] instanceof byte[] bytes ? Arrays.toString(bytes) : values[i]);
        }
        return b.append(']').toString();
    }
}
