package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Every pair of an element of {@code a} and an element of {@code b}. Child partition
 * {@code i * nb + j} pairs partition i of a with partition j of b, both narrow dependencies.
 * The b partition is read once per task and held in memory while a's partition streams.
 */
final class CartesianRDD<T, U> extends RDD<Tuple2<T, U>> {
    record CartesianPartition(int index, Partition left, Partition right) implements Partition {}

    private final RDD<T> a;
    private final RDD<U> b;

    CartesianRDD(RDD<T> a, RDD<U> b) {
        super(a.context(), dependencies(a, b));
        this.a = a;
        this.b = b;
    }

    private static <T, U> List<Dependency<?>> dependencies(RDD<T> a, RDD<U> b) {
        int nb = b.partitions().length;
        return List.of(
                new NarrowDependency<T>(a) {
                    @Override
                    public List<Integer> parents(int partitionId) {
                        return List.of(partitionId / nb);
                    }
                },
                new NarrowDependency<U>(b) {
                    @Override
                    public List<Integer> parents(int partitionId) {
                        return List.of(partitionId % nb);
                    }
                });
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] left = a.partitions();
        Partition[] right = b.partitions();
        Partition[] parts = new Partition[left.length * right.length];
        for (Partition l : left) {
            for (Partition r : right) {
                int i = l.index() * right.length + r.index();
                parts[i] = new CartesianPartition(i, l, r);
            }
        }
        return parts;
    }

    @Override
    public Iterator<Tuple2<T, U>> compute(Partition split, TaskContext ctx) {
        CartesianPartition p = (CartesianPartition) split;
        Iterator<T> left = a.iterator(p.left(), ctx);
        return new Iterator<>() {
            private List<U> right;
            private T x;
            private boolean haveX;
            private int j;

            @Override
            public boolean hasNext() {
                if (right == null) {
                    right = left.hasNext() ? Iterators.toList(b.iterator(p.right(), ctx)) : List.of();
                }
                while (!haveX || j >= right.size()) {
                    if (right.isEmpty() || !left.hasNext()) {
                        return false;
                    }
                    x = left.next();
                    haveX = true;
                    j = 0;
                }
                return true;
            }

            @Override
            public Tuple2<T, U> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Tuple2<>(x, right.get(j++));
            }
        };
    }

    @Override
    public List<String> preferredLocations(Partition split) {
        CartesianPartition p = (CartesianPartition) split;
        LinkedHashSet<String> locs = new LinkedHashSet<>(a.preferredLocations(p.left()));
        locs.addAll(b.preferredLocations(p.right()));
        return new ArrayList<>(locs);
    }
}
