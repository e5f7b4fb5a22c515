package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import java.util.Iterator;
import java.util.List;

/** Appends a global 0-based index; runs a counting job first when there are several partitions. */
final class ZippedWithIndexRDD<T> extends RDD<Tuple2<T, Long>> {
    private final long[] startIndices;

    ZippedWithIndexRDD(RDD<T> parent) {
        super(parent);
        int n = parent.partitions().length;
        startIndices = new long[n];
        if (n > 1) {
            int[] upToLast = new int[n - 1];
            for (int i = 0; i < n - 1; i++) {
                upToLast[i] = i;
            }
            List<Long> counts = parent.context().runJob(parent, (ctx, it) -> Iterators.count(it), upToLast);
            for (int i = 1; i < n; i++) {
                startIndices[i] = startIndices[i - 1] + counts.get(i - 1);
            }
        }
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<Tuple2<T, Long>> compute(Partition split, TaskContext ctx) {
        long[] next = {startIndices[split.index()]};
        Iterator<T> it = this.<T>firstParent().iterator(split, ctx);
        return Iterators.map(it, x -> new Tuple2<>(x, next[0]++));
    }
}
