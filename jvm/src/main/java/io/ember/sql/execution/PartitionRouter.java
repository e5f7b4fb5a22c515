package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;

/**
 * Decides the target partition of every row of a batch, on the map side of an exchange.
 * Instances travel with map tasks; one task uses its own copy from one thread.
 */
@FunctionalInterface
public interface PartitionRouter extends Serializable {
    /** Fills {@code out[0..b.numRows()-1]} with target partitions in {@code [0, n)}. */
    void route(ColumnBatch b, int[] out);

    /** Every row to partition 0. */
    static PartitionRouter single() {
        return (b, out) -> java.util.Arrays.fill(out, 0, b.numRows(), 0);
    }

    /** By a hash of bound key expressions. */
    static PartitionRouter hash(Expression[] keys, int n) {
        return (b, out) -> {
            ColumnVector[] cols = new ColumnVector[keys.length];
            for (int k = 0; k < keys.length; k++) {
                cols[k] = keys[k].eval(b);
            }
            RowHasher.partitions(cols, b.numRows(), n, out);
        };
    }

    /** By a bound int expression whose value is the partition: positive modulo {@code n}, nulls to 0. */
    static PartitionRouter passThrough(Expression id, int n) {
        return (b, out) -> {
            io.ember.sql.vector.IntVector ids = io.ember.sql.expressions.Vectors.ints(id.eval(b));
            for (int i = 0; i < b.numRows(); i++) {
                out[i] = ids.isNull(i) ? 0 : Math.floorMod(ids.values[i], n);
            }
        };
    }

    /** Round robin, starting at a partition that depends on the map partition (as Spark does). */
    static PartitionRouter roundRobin(int n, int mapPartition) {
        int[] next = {new java.util.Random(mapPartition).nextInt(Math.max(n, 1))};
        return (b, out) -> {
            for (int i = 0; i < b.numRows(); i++) {
                out[i] = next[0];
                next[0] = next[0] + 1 == n ? 0 : next[0] + 1;
            }
        };
    }

    /** By ranges: the first partition whose upper bound is at or above the row's key. */
    static PartitionRouter range(Expression[] keys, RangeBounds bounds) {
        return (b, out) -> {
            ColumnVector[] cols = new ColumnVector[keys.length];
            for (int k = 0; k < keys.length; k++) {
                cols[k] = keys[k].eval(b);
            }
            for (int i = 0; i < b.numRows(); i++) {
                out[i] = bounds.partitionOf(cols, i);
            }
        };
    }
}
