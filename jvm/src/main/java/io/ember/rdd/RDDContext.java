package io.ember.rdd;

import io.ember.core.CleanupTask;
import io.ember.core.EmberConf;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What RDDs need from the driver's context: ids, defaults and running jobs. */
public interface RDDContext {
    int newRddId();

    int newShuffleId();

    int defaultParallelism();

    default int defaultMinPartitions() {
        return Math.min(defaultParallelism(), 2);
    }

    EmberConf conf();

    /** Throws if the context was stopped. */
    void assertRunning();

    /**
     * Runs {@code func} on the given partitions, handing each result to {@code handler} (on the
     * scheduler's thread, in completion order) as partitions finish, with its index in
     * {@code partitions} (not the partition id). Blocks until done.
     */
    <T, U> void runJob(RDD<T> rdd, TaskFunction<T, U> func, int[] partitions, BiConsumer<Integer, U> handler);

    /** Runs a job and returns the results in the order of {@code partitions}. */
    default <T, U> List<U> runJob(RDD<T> rdd, TaskFunction<T, U> func, int[] partitions) {
        Object[] results = new Object[partitions.length];
        runJob(rdd, func, partitions, (outputIndex, r) -> results[outputIndex] = r);
        @SuppressWarnings("unchecked")
        List<U> list = (List<U>) java.util.Arrays.asList(results);
        return list;
    }

    /** Drops the cached blocks of an RDD from every executor. */
    void unpersistRdd(int rddId);

    Optional<String> checkpointDir();

    /**
     * Asks for {@code task} to run once {@code owner} is no longer referenced (the context's
     * cleaner tracks it weakly). Contexts without a cleaner ignore it.
     */
    default void registerForCleanup(Object owner, CleanupTask task) {}
}
