package io.ember.sql.types;

/** Spark's {@code float} type. */
public record FloatType() implements DataType {
    @Override
    public String simpleString() {
        return "float";
    }

    @Override
    public String typeName() {
        return "float";
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    @Override
    public String toString() {
        return "FloatType";
    }
}
