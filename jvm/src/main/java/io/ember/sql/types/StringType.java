package io.ember.sql.types;

/** Spark's {@code string} type. */
public record StringType() implements DataType {
    @Override
    public String simpleString() {
        return "string";
    }

    @Override
    public String typeName() {
        return "string";
    }

    @Override
    public int defaultSize() {
        return 20;
    }

    @Override
    public String toString() {
        return "StringType";
    }
}
