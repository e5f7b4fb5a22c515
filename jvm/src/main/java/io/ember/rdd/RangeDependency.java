package io.ember.rdd;

import java.util.List;

/** A range of parent partitions maps one-to-one onto a range of child partitions (union). */
public final class RangeDependency<T> extends NarrowDependency<T> {
    private final int inStart;
    private final int outStart;
    private final int length;

    public RangeDependency(RDD<T> rdd, int inStart, int outStart, int length) {
        super(rdd);
        this.inStart = inStart;
        this.outStart = outStart;
        this.length = length;
    }

    @Override
    public List<Integer> parents(int partitionId) {
        if (partitionId >= outStart && partitionId < outStart + length) {
            return List.of(partitionId - outStart + inStart);
        }
        return List.of();
    }
}
