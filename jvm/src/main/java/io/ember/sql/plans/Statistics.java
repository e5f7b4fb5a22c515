package io.ember.sql.plans;

import java.io.Serializable;

/** A plan's estimated output: bytes and, when known, rows (null if unknown). */
public record Statistics(long sizeInBytes, Long rowCount) implements Serializable {
    public static long saturatingMultiply(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
