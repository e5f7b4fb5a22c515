package io.ember.rdd;

import io.ember.core.EmberConf;
import io.ember.core.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A context that only hands out ids, for unit tests of RDDs that compute without a running
 * engine; {@link #computeAll} reads partitions in the calling thread with no task context.
 */
public final class TestingIdContext implements RDDContext {
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
    public <T, U> void runJob(RDD<T> rdd, TaskFunction<T, U> func, int[] partitions, BiConsumer<Integer, U> handler) {
        throw new UnsupportedOperationException("TestingIdContext runs no jobs");
    }

    @Override
    public void unpersistRdd(int rddId) {}

    @Override
    public Optional<String> checkpointDir() {
        return Optional.empty();
    }

    /** Each partition's elements, computed in order on this thread. */
    static <T> List<List<T>> computePartitions(RDD<T> rdd) {
        List<List<T>> out = new ArrayList<>();
        for (Partition p : rdd.partitions()) {
            out.add(Iterators.toList(rdd.iterator(p, null)));
        }
        return out;
    }

    static <T> List<T> computeAll(RDD<T> rdd) {
        List<T> all = new ArrayList<>();
        computePartitions(rdd).forEach(all::addAll);
        return all;
    }
}
