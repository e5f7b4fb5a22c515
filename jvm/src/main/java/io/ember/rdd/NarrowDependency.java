package io.ember.rdd;

import java.util.List;

/** Each child partition depends on a few parent partitions, so no shuffle is needed. */
public abstract class NarrowDependency<T> extends Dependency<T> {
    private final RDD<T> rdd;

    protected NarrowDependency(RDD<T> rdd) {
        this.rdd = rdd;
    }

    /** The parent partitions that child partition {@code partitionId} reads. */
    public abstract List<Integer> parents(int partitionId);

    @Override
    public RDD<T> rdd() {
        return rdd;
    }
}
