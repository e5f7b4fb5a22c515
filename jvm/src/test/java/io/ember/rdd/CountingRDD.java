package io.ember.rdd;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import java.util.Iterator;
import java.util.List;

/**
 * Test double: a never-computed RDD that counts each time a walk over lineage looks at it
 * (its preferred locations, as the DAG scheduler asks, or its name, as toDebugString prints).
 */
public final class CountingRDD extends RDD<Tuple2<Object, Object>> {
    record P(int index) implements Partition {}

    private final int numPartitions;
    private final transient VisitBudget budget;

    public CountingRDD(RDDContext ctx, int numPartitions, List<Dependency<?>> deps, VisitBudget budget) {
        super(ctx, deps);
        this.numPartitions = numPartitions;
        this.budget = budget;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] ps = new Partition[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            ps[i] = new P(i);
        }
        return ps;
    }

    @Override
    public Iterator<Tuple2<Object, Object>> compute(Partition split, TaskContext context) {
        throw new UnsupportedOperationException("lineage tests never compute");
    }

    @Override
    public List<String> preferredLocations(Partition split) {
        budget.visit();
        return List.of();
    }

    @Override
    public String toString() {
        budget.visit();
        return super.toString();
    }
}
