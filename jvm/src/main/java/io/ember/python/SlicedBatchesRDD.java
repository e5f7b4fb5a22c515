package io.ember.python;

import io.ember.core.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.TaskContext;
import java.util.Iterator;
import java.util.List;

/** parallelize's data: pickled batches already grouped into slices by the Python driver. */
final class SlicedBatchesRDD extends RDD<byte[]> {
    private static final long serialVersionUID = 1L;

    record Slice(int index, List<byte[]> batches) implements Partition {}

    private final List<List<byte[]>> slices;

    SlicedBatchesRDD(RDDContext ctx, List<List<byte[]>> slices) {
        super(ctx, List.of());
        this.slices = slices;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[slices.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Slice(i, slices.get(i));
        }
        return parts;
    }

    @Override
    public Iterator<byte[]> compute(Partition split, TaskContext ctx) {
        return ((Slice) split).batches().iterator();
    }
}
