package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;

/**
 * One column of one target partition on the map side of an exchange: copies the rows routed to
 * the partition straight out of each input vector into its own growing arrays (one typed copy,
 * no per-partition batches to concatenate) and writes them in {@link BatchCodec}'s column format
 * when the partition is flushed. The row count is the caller's ({@link PartitionBuffer}), passed
 * in. Single-threaded (one map task).
 */
interface ColumnAppender {
    /** Whether rows of {@code v} can be appended (its vector class is the one this appender copies). */
    boolean accepts(ColumnVector v);

    /** Appends {@code v}'s rows {@code rows[from..to)} after the {@code held} rows already held. */
    void append(ColumnVector v, int[] rows, int from, int to, int held);

    /** The {@code held} rows as an exact-size vector, for handing them to another appender. */
    ColumnVector toVector(int held);

    /** Writes the {@code held} rows as one encoded column and forgets them (arrays are kept for reuse). */
    void write(ByteSink out, int held);

    /** The appender that copies {@code first}'s vector class for a column of {@code type}. */
    static ColumnAppender forVector(DataType type, ColumnVector first) {
        if (first instanceof LongVector) {
            return new LongColumnAppender(type, false);
        }
        if (first instanceof DecimalVector d) {
            return new LongColumnAppender((DecimalType) d.dataType(), true);
        }
        if (first instanceof IntVector) {
            return new IntColumnAppender(type);
        }
        if (first instanceof DoubleVector) {
            return new DoubleColumnAppender(type);
        }
        if (first instanceof StringVector || first instanceof DictionaryVector) {
            return new StringColumnAppender(type);
        }
        return new GatheredColumnAppender(type);
    }

    /** A capacity of at least {@code needed}, doubling from {@code current}. */
    static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current * 2));
    }
}
