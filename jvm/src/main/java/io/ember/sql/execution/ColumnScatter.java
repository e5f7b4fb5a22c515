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
 * One column of an exchange's map task, held for every target partition: each input vector is
 * scattered in one pass over its rows straight into the arrays of the rows' partitions (one
 * typed copy; no per-partition batches to gather and concatenate), and a partition's rows are
 * written in {@link BatchCodec}'s column format when it is flushed. Row counts are the
 * caller's ({@link ExchangeWriter}), passed in. Single-threaded (one map task).
 */
interface ColumnScatter {
    /** Whether rows of {@code v} can be scattered here (its vector class is the one this column copies). */
    boolean accepts(ColumnVector v);

    /**
     * Appends row {@code i} of {@code v} to partition {@code pids[i]}, for {@code i < n}: partition
     * p's rows go after its {@code held[p]} rows, and number {@code counts[p]}. {@code at} is
     * scratch the size of {@code held}.
     */
    void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at);

    /** Partition {@code p}'s {@code held} rows as an exact-size vector, for handing them to another column holder. */
    ColumnVector toVector(int p, int held);

    /** Writes partition {@code p}'s {@code held} rows as one encoded column and forgets them (arrays are kept). */
    void write(ByteSink out, int p, int held);

    /** The holder that copies {@code first}'s vector class, for a column of {@code type} over {@code partitions}. */
    static ColumnScatter forVector(DataType type, ColumnVector first, int partitions) {
        if (first instanceof LongVector) {
            return new LongColumnScatter(type, false, partitions);
        }
        if (first instanceof DecimalVector d) {
            return new LongColumnScatter((DecimalType) d.dataType(), true, partitions);
        }
        if (first instanceof IntVector) {
            return new IntColumnScatter(type, partitions);
        }
        if (first instanceof DoubleVector) {
            return new DoubleColumnScatter(type, partitions);
        }
        if (first instanceof StringVector || first instanceof DictionaryVector) {
            return new StringColumnScatter(type, partitions);
        }
        return new GatheredColumnScatter(type, partitions);
    }

    /** A capacity of at least {@code needed}, doubling from {@code current}. */
    static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current * 2));
    }
}
