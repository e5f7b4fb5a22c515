package io.ember.api;

import io.ember.core.Partition;
import io.ember.core.function.Function2;
import io.ember.core.function.SerializableComparator;
import io.ember.core.function.VoidFunction;
import io.ember.rdd.Iterators;
import io.ember.rdd.RDD;
import io.ember.storage.StorageLevel;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The actions and lineage information shared by {@link JavaRDD}, {@link JavaPairRDD} and
 * {@link JavaDoubleRDD}: everything that runs a job or reads the wrapped RDD without creating a
 * new one. Each method delegates to the engine {@link RDD} returned by {@link #rdd()}.
 * Driver-side only, like the RDD it wraps; not thread-safe beyond what the RDD guarantees.
 */
public abstract class JavaRDDActions<T> {
    private final RDD<T> rdd;

    JavaRDDActions(RDD<T> rdd) {
        if (rdd == null) {
            throw new IllegalArgumentException("a Java RDD wrapper needs an RDD, got null");
        }
        this.rdd = rdd;
    }

    /** The wrapped engine RDD. */
    public final RDD<T> rdd() {
        return rdd;
    }

    // ---- information ----

    /** The RDD's unique id within its context. */
    public final int id() {
        return rdd.id();
    }

    /** The name given by setName, or null. */
    public final String name() {
        return rdd.name();
    }

    /** The number of partitions. */
    public final int getNumPartitions() {
        return rdd.getNumPartitions();
    }

    /** The partitions, in index order. */
    public final List<Partition> partitions() {
        return Arrays.asList(rdd.partitions());
    }

    /** The storage level set by persist or cache (NONE when not persisted). */
    public final StorageLevel getStorageLevel() {
        return rdd.getStorageLevel();
    }

    /** A multi-line description of this RDD and its lineage. */
    public final String toDebugString() {
        return rdd.toDebugString();
    }

    /** Saves this RDD to the checkpoint directory after the next job that computes it. */
    public final void checkpoint() {
        rdd.checkpoint();
    }

    /** Whether this RDD has been reliably checkpointed. */
    public final boolean isCheckpointed() {
        return rdd.isCheckpointed();
    }

    /** Whether this RDD has been locally checkpointed (see JavaRDDLike.localCheckpoint). */
    public final boolean isLocallyCheckpointed() {
        return rdd.isLocallyCheckpointed();
    }

    /** The checkpoint directory of this RDD, once it has been reliably checkpointed. */
    public final Optional<String> getCheckpointFile() {
        return rdd.getCheckpointFile();
    }

    @Override
    public String toString() {
        return rdd.toString();
    }

    // ---- actions returning data ----

    /** All elements, in partition order. */
    public final List<T> collect() {
        return rdd.collect();
    }

    /** The elements of the given partitions, one list per requested partition. */
    public final List<List<T>> collectPartitions(int... partitionIds) {
        return rdd.context().runJob(rdd, (ctx, it) -> Iterators.toList(it), partitionIds);
    }

    /** The number of elements. */
    public final long count() {
        return rdd.count();
    }

    /** The first element; fails on an empty RDD. */
    public final T first() {
        return rdd.first();
    }

    /** The first {@code num} elements, scanning as few partitions as possible. */
    public final List<T> take(int num) {
        return rdd.take(num);
    }

    /** The {@code num} smallest elements by natural order, sorted. */
    public final List<T> takeOrdered(int num) {
        return rdd.takeOrdered(num);
    }

    /** The {@code num} smallest elements by {@code comp}, sorted. */
    public final List<T> takeOrdered(int num, SerializableComparator<T> comp) {
        return rdd.takeOrdered(num, comp);
    }

    /** The {@code num} largest elements by natural order, largest first. */
    public final List<T> top(int num) {
        return rdd.top(num);
    }

    /** The {@code num} largest elements by {@code comp}, largest first. */
    public final List<T> top(int num, SerializableComparator<T> comp) {
        return rdd.top(num, comp);
    }

    /** A random sample of exactly {@code num} elements (fewer if the RDD is smaller without replacement). */
    public final List<T> takeSample(boolean withReplacement, int num) {
        return takeSample(withReplacement, num, ThreadLocalRandom.current().nextLong());
    }

    /** A reproducible random sample of {@code num} elements. */
    public final List<T> takeSample(boolean withReplacement, int num, long seed) {
        return rdd.takeSample(withReplacement, num, seed);
    }

    /** Whether the RDD has no elements. */
    public final boolean isEmpty() {
        return rdd.isEmpty();
    }

    /** The largest element by {@code comp}. */
    public final T max(SerializableComparator<T> comp) {
        return rdd.max(comp);
    }

    /** The smallest element by {@code comp}. */
    public final T min(SerializableComparator<T> comp) {
        return rdd.min(comp);
    }

    /** How many times each distinct element occurs. */
    public final Map<T, Long> countByValue() {
        return rdd.countByValue();
    }

    /** Iterates all elements, running one job per partition as the iterator advances. */
    public final Iterator<T> toLocalIterator() {
        return rdd.toLocalIterator();
    }

    // ---- reductions ----

    /** Reduces the elements with an associative, commutative function; fails on an empty RDD. */
    public final T reduce(Function2<T, T, T> f) {
        return rdd.reduce(f);
    }

    /** Reduces in a multi-level tree of depth 2, easing the driver's load for many partitions. */
    public final T treeReduce(Function2<T, T, T> f) {
        return treeReduce(f, 2);
    }

    /** Reduces in a multi-level tree of the given depth. */
    public final T treeReduce(Function2<T, T, T> f, int depth) {
        return rdd.treeReduce(f, depth);
    }

    /** Folds each partition from {@code zero}, then folds the partition results from {@code zero}. */
    public final T fold(T zero, Function2<T, T, T> op) {
        return rdd.fold(zero, op);
    }

    /** Aggregates each partition with {@code seqOp} from {@code zero} and merges them with {@code combOp}. */
    public final <U> U aggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
        return rdd.aggregate(zero, seqOp, combOp);
    }

    /** Like aggregate, merging partition results in a tree of depth 2. */
    public final <U> U treeAggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp) {
        return treeAggregate(zero, seqOp, combOp, 2);
    }

    /** Like aggregate, merging partition results in a tree of the given depth. */
    public final <U> U treeAggregate(U zero, Function2<U, T, U> seqOp, Function2<U, U, U> combOp, int depth) {
        return rdd.treeAggregate(zero, seqOp, combOp, depth);
    }

    // ---- side effects ----

    /** Runs {@code f} on every element, in the tasks. */
    public final void foreach(VoidFunction<T> f) {
        rdd.foreach(f);
    }

    /** Runs {@code f} once per partition with the partition's iterator, in the tasks. */
    public final void foreachPartition(VoidFunction<Iterator<T>> f) {
        rdd.foreachPartition(f);
    }

    /** Writes one part file of lines (each element's toString) per partition into a new directory. */
    public final void saveAsTextFile(String path) {
        rdd.saveAsTextFile(path);
    }

    /** Writes the elements serialized, readable with EmberContext.objectFile. */
    public final void saveAsObjectFile(String path) {
        rdd.saveAsObjectFile(path);
    }
}
