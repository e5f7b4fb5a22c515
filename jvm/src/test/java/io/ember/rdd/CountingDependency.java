package io.ember.rdd;

import java.util.List;

/** Test double: a one-to-one dependency that counts each time a walk follows it ({@link #rdd()}). */
public final class CountingDependency<T> extends NarrowDependency<T> {
    private final transient VisitBudget budget;

    public CountingDependency(RDD<T> rdd, VisitBudget budget) {
        super(rdd);
        this.budget = budget;
    }

    @Override
    public RDD<T> rdd() {
        budget.visit();
        return super.rdd();
    }

    @Override
    public List<Integer> parents(int partitionId) {
        return List.of(partitionId);
    }
}
