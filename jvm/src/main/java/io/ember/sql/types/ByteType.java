package io.ember.sql.types;

/** Spark's {@code tinyint} type. */
public record ByteType() implements DataType {
    @Override
    public String simpleString() {
        return "tinyint";
    }

    @Override
    public String typeName() {
        return "byte";
    }

    @Override
    public int defaultSize() {
        return 1;
    }

    @Override
    public String toString() {
        return "ByteType";
    }
}
