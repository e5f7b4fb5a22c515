package io.ember.sql.types;

/** Spark's {@code double} type. */
public record DoubleType() implements DataType {
    @Override
    public String simpleString() {
        return "double";
    }

    @Override
    public String typeName() {
        return "double";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    @Override
    public String toString() {
        return "DoubleType";
    }
}
