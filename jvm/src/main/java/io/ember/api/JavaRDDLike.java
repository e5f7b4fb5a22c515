package io.ember.api;

import io.ember.core.function.DoubleFlatMapFunction;
import io.ember.core.function.DoubleFunction;
import io.ember.core.function.FlatMapFunction;
import io.ember.core.function.Function;
import io.ember.core.function.PairFlatMapFunction;
import io.ember.core.function.PairFunction;
import io.ember.core.function.PartitionFunction;
import io.ember.rdd.RDD;
import io.ember.storage.StorageLevel;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The transformations shared by the Java wrappers. Those that keep the element type (filter,
 * distinct, union, sample, coalesce, persist, ...) return {@code This}, so a
 * {@link JavaPairRDD} stays a pair RDD; the others return the wrapper matching their result:
 * {@link JavaRDD}, {@link JavaPairRDD} for pairs, {@link JavaDoubleRDD} for doubles.
 * Subclasses implement {@link #wrap} only.
 *
 * <p>Functions are the serializable interfaces of {@code io.ember.core.function}, so plain Java
 * lambdas work; they are shipped to the tasks and must capture only serializable values.
 */
public abstract class JavaRDDLike<T, This extends JavaRDDLike<T, This>> extends JavaRDDActions<T> {

    JavaRDDLike(RDD<T> rdd) {
        super(rdd);
    }

    /** Wraps an engine RDD of this wrapper's element type in this wrapper's type. */
    protected abstract This wrap(RDD<T> rdd);

    // ---- persistence ----

    /** Keeps the computed partitions at {@code level} after the first job that computes them. */
    public final This persist(StorageLevel level) {
        return wrap(rdd().persist(level));
    }

    /** Persists in memory (MEMORY_ONLY). */
    public final This cache() {
        return wrap(rdd().cache());
    }

    /** Drops the cached partitions and clears the storage level. */
    public final This unpersist() {
        return wrap(rdd().unpersist());
    }

    /** Cuts lineage after the next job, keeping partitions in executor storage (not fault tolerant). */
    public final This localCheckpoint() {
        rdd().localCheckpoint();
        return wrap(rdd());
    }

    /** Names this RDD (shown in toString and toDebugString). */
    public final This setName(String name) {
        return wrap(rdd().setName(name));
    }

    // ---- transformations keeping the element type ----

    /** The elements for which {@code f} returns true. */
    public final This filter(Function<T, Boolean> f) {
        return wrap(rdd().filter(f));
    }

    /** The distinct elements, in as many partitions as this RDD. */
    public final This distinct() {
        return wrap(rdd().distinct());
    }

    /** The distinct elements in {@code numPartitions} partitions. */
    public final This distinct(int numPartitions) {
        return wrap(rdd().distinct(numPartitions));
    }

    /** The elements of both RDDs, duplicates kept. */
    public final This union(This other) {
        return wrap(rdd().union(other.rdd()));
    }

    /** The distinct elements present in both RDDs. */
    public final This intersection(This other) {
        return wrap(rdd().intersection(other.rdd()));
    }

    /** The elements not present in {@code other}. */
    public final This subtract(This other) {
        return wrap(rdd().subtract(other.rdd()));
    }

    /** The elements not present in {@code other}, in {@code numPartitions} partitions. */
    public final This subtract(This other, int numPartitions) {
        return wrap(rdd().subtract(other.rdd(), numPartitions));
    }

    /** A random sample with a random seed. */
    public final This sample(boolean withReplacement, double fraction) {
        return sample(withReplacement, fraction, ThreadLocalRandom.current().nextLong());
    }

    /** A reproducible random sample: each element is kept with probability {@code fraction}. */
    public final This sample(boolean withReplacement, double fraction, long seed) {
        return wrap(rdd().sample(withReplacement, fraction, seed));
    }

    /** Merges partitions down to {@code numPartitions} without a shuffle. */
    public final This coalesce(int numPartitions) {
        return wrap(rdd().coalesce(numPartitions));
    }

    /** Changes the number of partitions, shuffling when {@code shuffle} is true. */
    public final This coalesce(int numPartitions, boolean shuffle) {
        return wrap(rdd().coalesce(numPartitions, shuffle));
    }

    /** Redistributes the elements evenly into {@code numPartitions} partitions (a shuffle). */
    public final This repartition(int numPartitions) {
        return wrap(rdd().repartition(numPartitions));
    }

    /** The elements sorted by {@code f}'s key (natural order) into {@code numPartitions} ranges. */
    public final <S> This sortBy(Function<T, S> f, boolean ascending, int numPartitions) {
        return wrap(rdd().sortBy(f, ascending, numPartitions));
    }

    // ---- transformations to other element types ----

    /** Applies {@code f} to every element. */
    public final <R> JavaRDD<R> map(Function<T, R> f) {
        return new JavaRDD<>(rdd().map(f));
    }

    /** Applies {@code f} to every element, giving key-value pairs. */
    public final <K, V> JavaPairRDD<K, V> mapToPair(PairFunction<T, K, V> f) {
        return new JavaPairRDD<>(rdd().map(x -> f.call(x)));
    }

    /** Applies {@code f} to every element, giving doubles. */
    public final JavaDoubleRDD mapToDouble(DoubleFunction<T> f) {
        return new JavaDoubleRDD(rdd().map(x -> f.call(x)));
    }

    /** Applies {@code f} to every element and flattens the results. */
    public final <R> JavaRDD<R> flatMap(FlatMapFunction<T, R> f) {
        return new JavaRDD<>(rdd().flatMap(f));
    }

    /** Applies {@code f} to every element and flattens the resulting pairs. */
    public final <K, V> JavaPairRDD<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> f) {
        return new JavaPairRDD<>(rdd().flatMap(x -> f.call(x)));
    }

    /** Applies {@code f} to every element and flattens the resulting doubles. */
    public final JavaDoubleRDD flatMapToDouble(DoubleFlatMapFunction<T> f) {
        return new JavaDoubleRDD(rdd().flatMap(x -> f.call(x)));
    }

    /** Applies {@code f} to each partition's iterator. */
    public final <R> JavaRDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f) {
        return mapPartitions(f, false);
    }

    /** Applies {@code f} to each partition's iterator; set the flag when keys stay in place. */
    public final <R> JavaRDD<R> mapPartitions(FlatMapFunction<Iterator<T>, R> f, boolean preservesPartitioning) {
        return new JavaRDD<>(rdd().mapPartitions(it -> f.call(it), preservesPartitioning));
    }

    /** Applies {@code f} to each partition's iterator, giving key-value pairs. */
    public final <K, V> JavaPairRDD<K, V> mapPartitionsToPair(PairFlatMapFunction<Iterator<T>, K, V> f) {
        return new JavaPairRDD<>(rdd().mapPartitions(it -> f.call(it), false));
    }

    /** Applies {@code f} to each partition's index and iterator. */
    public final <R> JavaRDD<R> mapPartitionsWithIndex(PartitionFunction<T, R> f, boolean preservesPartitioning) {
        return new JavaRDD<>(rdd().mapPartitionsWithIndex(f, preservesPartitioning));
    }

    /** Each partition as one list. */
    public final JavaRDD<List<T>> glom() {
        return new JavaRDD<>(rdd().glom());
    }

    /** Pairs each element with the key {@code f} computes for it. */
    public final <K> JavaPairRDD<K, T> keyBy(Function<T, K> f) {
        return new JavaPairRDD<>(rdd().keyBy(f));
    }

    /** Groups the elements by the key {@code f} computes. */
    public final <K> JavaPairRDD<K, Iterable<T>> groupBy(Function<T, K> f) {
        return new JavaPairRDD<>(rdd().groupBy(f));
    }

    /** Groups the elements by the key {@code f} computes, into {@code numPartitions} partitions. */
    public final <K> JavaPairRDD<K, Iterable<T>> groupBy(Function<T, K> f, int numPartitions) {
        return new JavaPairRDD<>(rdd().groupBy(f, numPartitions));
    }

    /** Pairs the i-th elements of two RDDs with the same partition count and partition sizes. */
    public final <U> JavaPairRDD<T, U> zip(JavaRDDLike<U, ?> other) {
        return new JavaPairRDD<>(rdd().zip(other.rdd()));
    }

    /** Pairs each element with its index in the whole RDD (runs a job when there are several partitions). */
    public final JavaPairRDD<T, Long> zipWithIndex() {
        return new JavaPairRDD<>(rdd().zipWithIndex());
    }

    /** Pairs each element with a unique id: k-th element of partition p gets k * n + p. */
    public final JavaPairRDD<T, Long> zipWithUniqueId() {
        return new JavaPairRDD<>(rdd().zipWithUniqueId());
    }

    /** Every pair (a, b) with a from this RDD and b from {@code other}. */
    public final <U> JavaPairRDD<T, U> cartesian(JavaRDDLike<U, ?> other) {
        return new JavaPairRDD<>(rdd().cartesian(other.rdd()));
    }

    /** Pipes each partition's elements as lines through a shell command, giving its output lines. */
    public final JavaRDD<String> pipe(String command) {
        return new JavaRDD<>(rdd().pipe(command));
    }

    /** Pipes each partition's elements as lines through a command given as its argument list. */
    public final JavaRDD<String> pipe(List<String> command) {
        return pipe(command, Map.of());
    }

    /** Pipes through a command with extra environment variables. */
    public final JavaRDD<String> pipe(List<String> command, Map<String, String> env) {
        return new JavaRDD<>(rdd().pipe(command, env));
    }
}
