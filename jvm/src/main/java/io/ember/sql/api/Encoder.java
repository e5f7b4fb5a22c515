package io.ember.sql.api;

import java.io.Serializable;

/** Turns a {@link Row} of a Dataset into the object a typed {@code Dataset<T>} hands out. */
@FunctionalInterface
public interface Encoder<T> extends Serializable {
    T fromRow(Row row);
}
