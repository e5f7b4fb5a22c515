package io.ember.rdd;

import io.ember.core.Partition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Concatenates the partitions of several RDDs (duplicates kept, no shuffle). */
public final class UnionRDD<T> extends RDD<T> {
    record UnionPartition(int index, int parentIndex, Partition parentPartition) implements Partition {}

    private final List<RDD<T>> parents;

    public UnionRDD(RDDContext ctx, List<RDD<T>> parents) {
        super(ctx, rangeDeps(parents));
        this.parents = List.copyOf(parents);
    }

    private static <T> List<Dependency<?>> rangeDeps(List<RDD<T>> parents) {
        List<Dependency<?>> deps = new ArrayList<>();
        int pos = 0;
        for (RDD<T> r : parents) {
            int n = r.partitions().length;
            deps.add(new RangeDependency<>(r, 0, pos, n));
            pos += n;
        }
        return deps;
    }

    @Override
    protected Partition[] computePartitions() {
        List<Partition> parts = new ArrayList<>();
        for (int i = 0; i < parents.size(); i++) {
            for (Partition p : parents.get(i).partitions()) {
                parts.add(new UnionPartition(parts.size(), i, p));
            }
        }
        return parts.toArray(new Partition[0]);
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        UnionPartition u = (UnionPartition) split;
        return parents.get(u.parentIndex()).iterator(u.parentPartition(), ctx);
    }

    @Override
    public List<String> preferredLocations(Partition split) {
        UnionPartition u = (UnionPartition) split;
        return parents.get(u.parentIndex()).preferredLocations(u.parentPartition());
    }
}
