package io.ember.scheduler;

import io.ember.core.EmberConf;
import io.ember.core.Partition;
import io.ember.core.Tuple2;
import io.ember.rdd.Dependency;
import io.ember.rdd.RDD;
import io.ember.rdd.RDDContext;
import io.ember.rdd.TaskContext;
import io.ember.rdd.TaskFunction;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

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

    /** A context that only hands out ids. */
    static final class Ids implements RDDContext {
        private final AtomicInteger rdds = new AtomicInteger();
        private final AtomicInteger shuffles = new AtomicInteger();

        @Override
        public int newRddId() {
            return rdds.getAndIncrement();
        }

        @Override
        public int newShuffleId() {
            return shuffles.getAndIncrement();
        }

        @Override
        public int defaultParallelism() {
            return 2;
        }

        @Override
        public EmberConf conf() {
            return new EmberConf(false);
        }

        @Override
        public void assertRunning() {}

        @Override
        public <T, U> void runJob(RDD<T> rdd, TaskFunction<T, U> func, int[] partitions, BiConsumer<Integer, U> h) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unpersistRdd(int rddId) {}

        @Override
        public Optional<String> checkpointDir() {
            return Optional.empty();
        }
    }
}
