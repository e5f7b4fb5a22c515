package io.ember.sql.api;

import io.ember.sql.types.StructType;

/** A typed filter's encoder: the input's objects, under the input's row schema. */
record SameRowsEncoder<T>(Encoder<T> inner, StructType schema) implements Encoder<T> {
    @Override
    public T fromRow(Row row) {
        return inner.fromRow(row);
    }

    @Override
    public Row toRow(T value) {
        return inner.toRow(value);
    }
}
