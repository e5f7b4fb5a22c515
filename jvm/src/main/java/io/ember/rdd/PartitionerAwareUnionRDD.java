package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The union of RDDs partitioned the same way: partition i concatenates partition i of every
 * parent, so the result keeps the parents' partitioning (Spark's PartitionerAwareUnionRDD).
 * The caller vouches that the parents share a partitioner (the JVM may not know it: Python
 * shuffles place records by a Python function); only the partition counts are checked here.
 */
public final class PartitionerAwareUnionRDD<T> extends RDD<T> {
    record AlignedPartition(int index, List<Partition> parentPartitions) implements Partition {}

    private final List<RDD<T>> parents;

    public PartitionerAwareUnionRDD(RDDContext ctx, List<RDD<T>> parents) {
        super(ctx, oneToOne(parents));
        this.parents = List.copyOf(parents);
    }

    private static <T> List<Dependency<?>> oneToOne(List<RDD<T>> parents) {
        if (parents.isEmpty()) {
            throw new EmberException("A partitioner-aware union needs at least one RDD");
        }
        int n = parents.get(0).partitions().length;
        List<Dependency<?>> deps = new ArrayList<>();
        for (RDD<T> r : parents) {
            if (r.partitions().length != n) {
                throw new EmberException("A partitioner-aware union needs RDDs with the same number of partitions: "
                        + n + " and " + r.partitions().length);
            }
            deps.add(new OneToOneDependency<>(r));
        }
        return deps;
    }

    @Override
    protected Partition[] computePartitions() {
        int n = parents.get(0).partitions().length;
        Partition[] parts = new Partition[n];
        for (int i = 0; i < n; i++) {
            List<Partition> of = new ArrayList<>();
            for (RDD<T> r : parents) {
                of.add(r.partitions()[i]);
            }
            parts[i] = new AlignedPartition(i, List.copyOf(of));
        }
        return parts;
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        AlignedPartition p = (AlignedPartition) split;
        return new Iterator<>() {   // opens each parent's partition only when the previous one is done
            private int next;
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < parents.size()) {
                    current = parents.get(next).iterator(p.parentPartitions().get(next), ctx);
                    next++;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Every location some parent prefers for this partition, in parent order. */
    @Override
    public List<String> preferredLocations(Partition split) {
        AlignedPartition p = (AlignedPartition) split;
        Set<String> locations = new LinkedHashSet<>();
        for (int i = 0; i < parents.size(); i++) {
            locations.addAll(parents.get(i).preferredLocations(p.parentPartitions().get(i)));
        }
        return List.copyOf(locations);
    }
}
