package io.ember.sql.api;

/** The encoders of the Java API: how a Dataset's rows become the objects it hands out. */
public final class Encoders {
    private Encoders() {}

    /** Rows as {@link Row}s. */
    public static Encoder<Row> row() {
        return row -> row;
    }
}
