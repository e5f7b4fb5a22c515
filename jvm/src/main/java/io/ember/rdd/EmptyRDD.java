package io.ember.rdd;

import io.ember.core.Partition;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An RDD with no partitions (and so no elements); jobs on it run no tasks. */
public final class EmptyRDD<T> extends RDD<T> {
    public EmptyRDD(RDDContext ctx) {
        super(ctx, List.of());
    }

    @Override
    protected Partition[] computePartitions() {
        return new Partition[0];
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        return Collections.emptyIterator();
    }
}
