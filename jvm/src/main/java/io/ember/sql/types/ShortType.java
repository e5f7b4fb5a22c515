package io.ember.sql.types;

/** Spark's {@code smallint} type. */
public record ShortType() implements DataType {
    @Override
    public String simpleString() {
        return "smallint";
    }

    @Override
    public String typeName() {
        return "short";
    }

    @Override
    public int defaultSize() {
        return 2;
    }

    @Override
    public String toString() {
        return "ShortType";
    }
}
