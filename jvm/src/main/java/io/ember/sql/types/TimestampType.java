package io.ember.sql.types;

/** Spark's {@code timestamp} type. */
public record TimestampType() implements DataType {
    @Override
    public String simpleString() {
        return "timestamp";
    }

    @Override
    public String typeName() {
        return "timestamp";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    @Override
    public String toString() {
        return "TimestampType";
    }
}
