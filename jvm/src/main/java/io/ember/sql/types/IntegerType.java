package io.ember.sql.types;

/** Spark's {@code int} type. */
public record IntegerType() implements DataType {
    @Override
    public String simpleString() {
        return "int";
    }

    @Override
    public String typeName() {
        return "integer";
    }

    @Override
    public int defaultSize() {
        return 4;
    }

    @Override
    public String toString() {
        return "IntegerType";
    }
}
