package io.ember.sql.execution;

import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;

/**
 * The upper bounds of range partitions, as rows of key columns in order: a key goes to the
 * first partition whose bound is not below it, or the last partition. Immutable.
 */
public record RangeBounds(ColumnBatch bounds, KeyComparator order) implements Serializable {
    public int numPartitions() {
        return bounds.numRows() + 1;
    }

    public int partitionOf(ColumnVector[] key, int row) {
        int lo = 0, hi = bounds.numRows();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(bounds.columns(), mid, key, row) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
