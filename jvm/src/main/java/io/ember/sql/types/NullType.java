package io.ember.sql.types;

/** Spark's {@code void} type. */
public record NullType() implements DataType {
    @Override
    public String simpleString() {
        return "void";
    }

    @Override
    public String typeName() {
        return "void";
    }

    @Override
    public int defaultSize() {
        return 1;
    }

    @Override
    public String toString() {
        return "NullType";
    }
}
