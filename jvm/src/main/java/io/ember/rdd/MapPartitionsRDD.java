package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.core.function.Functions;
import io.ember.core.function.PartitionFunction;
import java.util.Iterator;
import java.util.Optional;

/** Applies a function to each parent partition: map, flatMap, filter, mapPartitions and kin. */
final class MapPartitionsRDD<T, U> extends RDD<U> {
    private final PartitionFunction<T, U> f;
    private final boolean preservesPartitioning;

    MapPartitionsRDD(RDD<T> parent, PartitionFunction<T, U> f, boolean preservesPartitioning) {
        super(parent);
        this.f = f;
        this.preservesPartitioning = preservesPartitioning;
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<U> compute(Partition split, TaskContext ctx) {
        RDD<T> parent = firstParent();
        try {
            return f.call(split.index(), parent.iterator(split, ctx));
        } catch (Exception e) {
            throw Functions.sneaky(e);
        }
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return preservesPartitioning ? firstParent().partitioner() : Optional.empty();
    }
}
