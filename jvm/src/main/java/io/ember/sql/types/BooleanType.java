package io.ember.sql.types;

/** Spark's {@code boolean} type. */
public record BooleanType() implements DataType {
    @Override
    public String simpleString() {
        return "boolean";
    }

    @Override
    public String typeName() {
        return "boolean";
    }

    @Override
    public int defaultSize() {
        return 1;
    }

    @Override
    public String toString() {
        return "BooleanType";
    }
}
