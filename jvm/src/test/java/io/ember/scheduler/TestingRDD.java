package io.ember.scheduler;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import io.ember.rdd.Dependency;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.TaskContext;
import java.util.Iterator;
import java.util.List;

/** An RDD with a given partition count and dependencies that is never computed (scheduler tests). */
final class TestingRDD extends RDD<Tuple2<Object, Object>> {
    record P(int index) implements Partition {}

    private final int numPartitions;

    TestingRDD(RDDContext ctx, int numPartitions, List<Dependency<?>> deps) {
        super(ctx, deps);
        this.numPartitions = numPartitions;
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
        throw new UnsupportedOperationException("scheduler tests never compute");
    }
}
