package io.ember.sql.types;

/** Spark's {@code date} type. */
public record DateType() implements DataType {
    @Override
    public String simpleString() {
        return "date";
    }

    @Override
    public String typeName() {
        return "date";
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    @Override
    public String toString() {
        return "DateType";
    }
}
