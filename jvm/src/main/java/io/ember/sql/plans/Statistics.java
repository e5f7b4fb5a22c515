package io.ember.sql.plans;

import java.io.Serializable;

/** A plan's estimated output: bytes and, when known, rows (null if unknown). */
public record Statistics(long sizeInBytes, Long rowCount) implements Serializable {
    /** Spark's estimate of a row's bytes: 8 of overhead plus each column's default size. */
    public static long rowSize(java.util.List<io.ember.sql.expressions.AttributeReference> columns) {
        long n = 8;
        for (io.ember.sql.expressions.AttributeReference a : columns) {
            n += a.dataType().defaultSize();
        }
        return n;
    }

    /**
     * A projection's statistics: the same rows as its input, the bytes scaled by the ratio of
     * row sizes (Spark's estimate for a select; the row count is kept, so statistics from
     * {@code ANALYZE TABLE} reach join reordering through the selects column pruning adds).
     */
    public static Statistics projected(Statistics child, java.util.List<io.ember.sql.expressions.AttributeReference> in,
            java.util.List<io.ember.sql.expressions.AttributeReference> out) {
        double scaled = child.sizeInBytes() * ((double) rowSize(out) / rowSize(in));
        return new Statistics(scaled >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) scaled), child.rowCount());
    }

    public static long saturatingMultiply(long a, long b) {
        long r = a * b;
        return (a != 0 && (r / a != b || r < 0)) ? Long.MAX_VALUE : r;
    }

    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
