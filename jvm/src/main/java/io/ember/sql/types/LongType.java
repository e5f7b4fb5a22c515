package io.ember.sql.types;

/** Spark's {@code bigint} type. */
public record LongType() implements DataType {
    @Override
    public String simpleString() {
        return "bigint";
    }

    @Override
    public String typeName() {
        return "long";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    @Override
    public String toString() {
        return "LongType";
    }
}
