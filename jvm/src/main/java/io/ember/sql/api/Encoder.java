package io.ember.sql.api;

import io.ember.sql.types.StructType;
import java.io.Serializable;

/**
 * How the objects of a typed {@code Dataset<T>} map to rows: the row schema, and the
 * conversions both ways (values in {@link Row}'s external types). Made by {@link Encoders};
 * serializable, because typed operations run the conversions in tasks.
 */
public interface Encoder<T> extends Serializable {
    /** The columns an object becomes. */
    StructType schema();

    T fromRow(Row row);

    Row toRow(T value);
}
