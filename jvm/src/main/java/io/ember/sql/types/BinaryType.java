package io.ember.sql.types;

/** Spark's {@code binary} type. */
public record BinaryType() implements DataType {
    @Override
    public String simpleString() {
        return "binary";
    }

    @Override
    public String typeName() {
        return "binary";
    }

    @Override
    public int defaultSize() {
        return 100;
    }

    @Override
    public String toString() {
        return "BinaryType";
    }
}
