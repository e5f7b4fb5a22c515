package io.ember.sql.execution;

import io.ember.core.Partition;
import io.ember.rdd.OneToOneDependency;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.vector.ColumnBatch;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * Partition i computes {@code f} over partition i of both parents (co-partitioned inputs of a
 * shuffled join); the parents must have the same number of partitions.
 */
final class ZippedBatchesRDD extends RDD<ColumnBatch> {
    @FunctionalInterface
    interface ZipFunction extends Serializable {
        Iterator<ColumnBatch> apply(Iterator<ColumnBatch> left, Iterator<ColumnBatch> right);
    }

    record ZippedPartition(int index, Partition left, Partition right) implements Partition {}

    private final RDD<ColumnBatch> left;
    private final RDD<ColumnBatch> right;
    private final ZipFunction f;

    ZippedBatchesRDD(RDD<ColumnBatch> left, RDD<ColumnBatch> right, ZipFunction f) {
        super(left.context(), List.of(new OneToOneDependency<>(left), new OneToOneDependency<>(right)));
        if (left.getNumPartitions() != right.getNumPartitions()) {
            throw new IllegalArgumentException("co-partitioned inputs differ: " + left.getNumPartitions() + " and "
                    + right.getNumPartitions() + " partitions");
        }
        this.left = left;
        this.right = right;
        this.f = f;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] l = left.partitions();
        Partition[] r = right.partitions();
        Partition[] parts = new Partition[l.length];
        for (int i = 0; i < l.length; i++) {
            parts[i] = new ZippedPartition(i, l[i], r[i]);
        }
        return parts;
    }

    @Override
    public Iterator<ColumnBatch> compute(Partition split, TaskContext ctx) {
        ZippedPartition z = (ZippedPartition) split;
        return f.apply(left.iterator(z.left(), ctx), right.iterator(z.right(), ctx));
    }
}
