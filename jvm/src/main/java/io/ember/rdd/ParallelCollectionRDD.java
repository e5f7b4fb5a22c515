package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A driver-side list cut into {@code numSlices} contiguous slices. Each partition object carries
 * its own slice, so the data ships with the task that reads it; the list itself stays on the
 * driver.
 */
public final class ParallelCollectionRDD<T> extends RDD<T> {
    record SlicePartition<T>(int index, List<T> values) implements Partition {}

    private final transient List<T> data;
    private final int numSlices;

    public ParallelCollectionRDD(RDDContext ctx, List<T> data, int numSlices) {
        super(ctx, List.of());
        if (numSlices < 1) {
            throw new IllegalArgumentException("Positive number of partitions required, got " + numSlices);
        }
        this.data = data;
        this.numSlices = numSlices;
    }

    @Override
    protected Partition[] computePartitions() {
        if (data == null) {
            throw new EmberException("The slices of RDD " + id() + " can only be computed on the driver");
        }
        Partition[] parts = new Partition[numSlices];
        int n = data.size();
        for (int i = 0; i < numSlices; i++) {
            int from = (int) ((long) i * n / numSlices);
            int to = (int) ((long) (i + 1) * n / numSlices);
            // a copy: subList views are not serializable and would pin the whole list
            parts[i] = new SlicePartition<>(i, new ArrayList<>(data.subList(from, to)));
        }
        return parts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        return ((SlicePartition<T>) split).values().iterator();
    }
}
