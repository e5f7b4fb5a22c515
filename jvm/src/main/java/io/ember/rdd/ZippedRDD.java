package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.core.Tuple2;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Pairs the i-th elements of two RDDs with the same partition count and partition sizes. */
final class ZippedRDD<A, B> extends RDD<Tuple2<A, B>> {
    record ZippedPartition(int index, Partition left, Partition right) implements Partition {}

    private final RDD<A> left;
    private final RDD<B> right;

    ZippedRDD(RDD<A> left, RDD<B> right) {
        super(left.context(), List.of(new OneToOneDependency<>(left), new OneToOneDependency<>(right)));
        if (left.partitions().length != right.partitions().length) {
            throw new EmberException("Can only zip RDDs with the same number of partitions: RDD " + left.id()
                    + " has " + left.partitions().length + ", RDD " + right.id() + " has " + right.partitions().length);
        }
        this.left = left;
        this.right = right;
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
    public Iterator<Tuple2<A, B>> compute(Partition split, TaskContext ctx) {
        ZippedPartition z = (ZippedPartition) split;
        Iterator<A> a = left.iterator(z.left(), ctx);
        Iterator<B> b = right.iterator(z.right(), ctx);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean ha = a.hasNext();
                if (ha != b.hasNext()) {
                    throw new EmberException("Can only zip RDDs with the same number of elements in each partition"
                            + " (partition " + split.index() + " differs)");
                }
                return ha;
            }

            @Override
            public Tuple2<A, B> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Tuple2<>(a.next(), b.next());
            }
        };
    }
}
