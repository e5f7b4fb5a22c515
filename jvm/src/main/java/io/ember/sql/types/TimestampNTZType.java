package io.ember.sql.types;

/** Spark's {@code timestamp_ntz} type. */
public record TimestampNTZType() implements DataType {
    @Override
    public String simpleString() {
        return "timestamp_ntz";
    }

    @Override
    public String typeName() {
        return "timestamp_ntz";
    }

    @Override
    public int defaultSize() {
        return 8;
    }

    @Override
    public String toString() {
        return "TimestampNTZType";
    }
}
