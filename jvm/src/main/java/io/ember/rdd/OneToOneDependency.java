package io.ember.rdd;

import java.util.List;

/** Child partition i reads parent partition i. */
public final class OneToOneDependency<T> extends NarrowDependency<T> {
    public OneToOneDependency(RDD<T> rdd) {
        super(rdd);
    }

    @Override
    public List<Integer> parents(int partitionId) {
        return List.of(partitionId);
    }
}
