package io.ember.api;

import io.ember.core.HashPartitioner;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.core.Tuple3;
import io.ember.core.Tuple4;
import io.ember.core.function.FlatMapFunction;
import io.ember.core.function.Function;
import io.ember.core.function.Function2;
import io.ember.core.function.SerializableComparator;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.RDD;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java API's RDD of key-value pairs ({@link Tuple2}): the per-key operations of
 * {@link PairRDDFunctions} plus everything of {@link JavaRDDLike}, where transformations that
 * keep the element type (filter, distinct, union, sample, coalesce, cache, ...) stay pair RDDs.
 *
 * <p>Operations given no partition count use this RDD's partitioner when it has one, else
 * {@code ember.default.parallelism} when set, else this RDD's partition count.
 *
 * <p>Outer joins: a key missing on one side gets {@code null} for that side's value (Spark's
 * Java API uses {@code Optional} there). Nulls are kept because {@link Optional} is not
 * serializable and these values may cross a later shuffle; wrap them with
 * {@code Optional.ofNullable} on the driver if you like.
 */
public final class JavaPairRDD<K, V> extends JavaRDDLike<Tuple2<K, V>, JavaPairRDD<K, V>> {

    /** Wraps an engine RDD of pairs. */
    public JavaPairRDD(RDD<Tuple2<K, V>> rdd) {
        super(rdd);
    }

    /** Wraps an engine RDD of pairs (Spark's spelling). */
    public static <K, V> JavaPairRDD<K, V> fromRDD(RDD<Tuple2<K, V>> rdd) {
        return new JavaPairRDD<>(rdd);
    }

    /** Views a JavaRDD of pairs as a pair RDD. */
    public static <K, V> JavaPairRDD<K, V> fromJavaRDD(JavaRDD<Tuple2<K, V>> rdd) {
        return new JavaPairRDD<>(rdd.rdd());
    }

    @Override
    protected JavaPairRDD<K, V> wrap(RDD<Tuple2<K, V>> rdd) {
        return rdd == rdd() ? this : new JavaPairRDD<>(rdd);
    }

    private PairRDDFunctions<K, V> pairs() {
        return new PairRDDFunctions<>(rdd());
    }

    /** This pair RDD as a plain JavaRDD of tuples. */
    public JavaRDD<Tuple2<K, V>> toJavaRDD() {
        return new JavaRDD<>(rdd());
    }

    /** How keys are placed, when known (after partitionBy, reduceByKey, sortByKey, ...). */
    public Optional<Partitioner> partitioner() {
        return rdd().partitioner();
    }

    // ---- per-value transformations ----

    /** Applies {@code f} to each value, keeping keys and partitioning. */
    public <U> JavaPairRDD<K, U> mapValues(Function<V, U> f) {
        return new JavaPairRDD<>(pairs().mapValues(f));
    }

    /** Applies {@code f} to each value and pairs the key with every result. */
    public <U> JavaPairRDD<K, U> flatMapValues(FlatMapFunction<V, U> f) {
        return new JavaPairRDD<>(pairs().flatMapValues(f));
    }

    /** The keys. */
    public JavaRDD<K> keys() {
        return new JavaRDD<>(pairs().keys());
    }

    /** The values. */
    public JavaRDD<V> values() {
        return new JavaRDD<>(pairs().values());
    }

    // ---- aggregation by key ----

    /** Combines the values of each key: create a combiner from the first, merge values and combiners. */
    public <C> JavaPairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners) {
        return new JavaPairRDD<>(pairs().combineByKey(createCombiner, mergeValue, mergeCombiners));
    }

    /** combineByKey into {@code numPartitions} hash partitions. */
    public <C> JavaPairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners, int numPartitions) {
        return new JavaPairRDD<>(pairs().combineByKey(createCombiner, mergeValue, mergeCombiners, numPartitions));
    }

    /** combineByKey placed by {@code partitioner}, combining map-side. */
    public <C> JavaPairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners, Partitioner partitioner) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner, true);
    }

    /** combineByKey placed by {@code partitioner}, optionally combining map-side before the shuffle. */
    public <C> JavaPairRDD<K, C> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners, Partitioner partitioner,
                                             boolean mapSideCombine) {
        return new JavaPairRDD<>(pairs().combineByKey(createCombiner, mergeValue, mergeCombiners, partitioner,
                mapSideCombine));
    }

    /** Merges the values of each key with an associative, commutative function. */
    public JavaPairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
        return new JavaPairRDD<>(pairs().reduceByKey(f));
    }

    /** reduceByKey into {@code numPartitions} hash partitions. */
    public JavaPairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return new JavaPairRDD<>(pairs().reduceByKey(f, numPartitions));
    }

    /** reduceByKey placed by {@code partitioner}. */
    public JavaPairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
        return new JavaPairRDD<>(pairs().reduceByKey(f, partitioner));
    }

    /** All values of each key. */
    public JavaPairRDD<K, Iterable<V>> groupByKey() {
        return new JavaPairRDD<>(pairs().groupByKey());
    }

    /** groupByKey into {@code numPartitions} hash partitions. */
    public JavaPairRDD<K, Iterable<V>> groupByKey(int numPartitions) {
        return new JavaPairRDD<>(pairs().groupByKey(numPartitions));
    }

    /** groupByKey placed by {@code partitioner}. */
    public JavaPairRDD<K, Iterable<V>> groupByKey(Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().groupByKey(partitioner));
    }

    /** Aggregates each key's values from a fresh copy of {@code zero} with seqOp, merging with combOp. */
    public <U> JavaPairRDD<K, U> aggregateByKey(U zero, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
        return new JavaPairRDD<>(pairs().aggregateByKey(zero, seqOp, combOp));
    }

    /** aggregateByKey into {@code numPartitions} hash partitions. */
    public <U> JavaPairRDD<K, U> aggregateByKey(U zero, int numPartitions, Function2<U, V, U> seqOp,
                                               Function2<U, U, U> combOp) {
        return new JavaPairRDD<>(pairs().aggregateByKey(zero, seqOp, combOp, numPartitions));
    }

    /** aggregateByKey placed by {@code partitioner}. */
    public <U> JavaPairRDD<K, U> aggregateByKey(U zero, Partitioner partitioner, Function2<U, V, U> seqOp,
                                               Function2<U, U, U> combOp) {
        return new JavaPairRDD<>(pairs().aggregateByKey(zero, seqOp, combOp, partitioner));
    }

    /** Folds each key's values from a fresh copy of {@code zero}. */
    public JavaPairRDD<K, V> foldByKey(V zero, Function2<V, V, V> f) {
        return new JavaPairRDD<>(pairs().foldByKey(zero, f));
    }

    /** foldByKey into {@code numPartitions} hash partitions. */
    public JavaPairRDD<K, V> foldByKey(V zero, int numPartitions, Function2<V, V, V> f) {
        return new JavaPairRDD<>(pairs().foldByKey(zero, f, numPartitions));
    }

    /** foldByKey placed by {@code partitioner}. */
    public JavaPairRDD<K, V> foldByKey(V zero, Partitioner partitioner, Function2<V, V, V> f) {
        return new JavaPairRDD<>(pairs().aggregateByKey(zero, f, f, partitioner));
    }

    // ---- partitioning and sorting ----

    /** Places the pairs by {@code partitioner} (no shuffle if already so placed). */
    public JavaPairRDD<K, V> partitionBy(Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().partitionBy(partitioner));
    }

    /** Sorts by key in natural ascending order. */
    public JavaPairRDD<K, V> sortByKey() {
        return sortByKey(true);
    }

    /** Sorts by key in natural order. */
    public JavaPairRDD<K, V> sortByKey(boolean ascending) {
        return sortByKey(SerializableComparator.natural(), ascending, getNumPartitions());
    }

    /** Sorts by key in natural order into {@code numPartitions} key ranges. */
    public JavaPairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
        return sortByKey(SerializableComparator.natural(), ascending, numPartitions);
    }

    /** Sorts by key ascending in {@code comp}'s order. */
    public JavaPairRDD<K, V> sortByKey(SerializableComparator<K> comp) {
        return sortByKey(comp, true);
    }

    /** Sorts by key in {@code comp}'s order. */
    public JavaPairRDD<K, V> sortByKey(SerializableComparator<K> comp, boolean ascending) {
        return sortByKey(comp, ascending, getNumPartitions());
    }

    /** Sorts by key in {@code comp}'s order into {@code numPartitions} key ranges. */
    public JavaPairRDD<K, V> sortByKey(SerializableComparator<K> comp, boolean ascending, int numPartitions) {
        return new JavaPairRDD<>(pairs().sortByKey(comp, ascending, numPartitions));
    }

    /** Places the pairs by {@code partitioner}, sorting each partition by natural key order. */
    public JavaPairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner) {
        return repartitionAndSortWithinPartitions(partitioner, SerializableComparator.natural());
    }

    /** Places the pairs by {@code partitioner}, sorting each partition by {@code comp}. */
    public JavaPairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner, SerializableComparator<K> comp) {
        return new JavaPairRDD<>(pairs().repartitionAndSortWithinPartitions(partitioner, comp));
    }

    // ---- joins ----

    /** For each key, all values of this RDD and all values of {@code other}. */
    public <W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairRDD<K, W> other) {
        return cogroupWith(pairs().cogroup(other.rdd()));
    }

    /** cogroup into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairRDD<K, W> other, int numPartitions) {
        return cogroup(other, new HashPartitioner(numPartitions));
    }

    /** cogroup placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(JavaPairRDD<K, W> other,
                                                                      Partitioner partitioner) {
        return cogroupWith(pairs().cogroup(other.rdd(), partitioner));
    }

    /** For each key, all values of this RDD and of {@code other1} and {@code other2}. */
    public <W1, W2> JavaPairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(
            JavaPairRDD<K, W1> other1, JavaPairRDD<K, W2> other2) {
        return cogroup3(pairs().cogroup(List.of(other1.rdd(), other2.rdd())));
    }

    /** The three-way cogroup into {@code numPartitions} hash partitions. */
    public <W1, W2> JavaPairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> cogroup(
            JavaPairRDD<K, W1> other1, JavaPairRDD<K, W2> other2, int numPartitions) {
        return cogroup3(pairs().cogroup(List.of(other1.rdd(), other2.rdd()), new HashPartitioner(numPartitions)));
    }

    /** For each key, all values of this RDD and of the three others. */
    public <W1, W2, W3> JavaPairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(
            JavaPairRDD<K, W1> other1, JavaPairRDD<K, W2> other2, JavaPairRDD<K, W3> other3) {
        return cogroup4(pairs().cogroup(List.of(other1.rdd(), other2.rdd(), other3.rdd())));
    }

    /** The four-way cogroup into {@code numPartitions} hash partitions. */
    public <W1, W2, W3> JavaPairRDD<K, Tuple4<Iterable<V>, Iterable<W1>, Iterable<W2>, Iterable<W3>>> cogroup(
            JavaPairRDD<K, W1> other1, JavaPairRDD<K, W2> other2, JavaPairRDD<K, W3> other3, int numPartitions) {
        return cogroup4(pairs().cogroup(List.of(other1.rdd(), other2.rdd(), other3.rdd()),
                new HashPartitioner(numPartitions)));
    }

    /** Spark's name for cogroup. */
    public <W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> groupWith(JavaPairRDD<K, W> other) {
        return cogroup(other);
    }

    /** Spark's name for the three-way cogroup. */
    public <W1, W2> JavaPairRDD<K, Tuple3<Iterable<V>, Iterable<W1>, Iterable<W2>>> groupWith(
            JavaPairRDD<K, W1> other1, JavaPairRDD<K, W2> other2) {
        return cogroup(other1, other2);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K, A, B, C> JavaPairRDD<K, Tuple3<Iterable<A>, Iterable<B>, Iterable<C>>> cogroup3(
            RDD<Tuple2<K, List<List<Object>>>> grouped) {
        return new JavaPairRDD<>(new PairRDDFunctions<>(grouped).mapValues(
                l -> new Tuple3<>((Iterable<A>) (List) l.get(0), (Iterable<B>) (List) l.get(1),
                        (Iterable<C>) (List) l.get(2))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K, A, B, C, D> JavaPairRDD<K, Tuple4<Iterable<A>, Iterable<B>, Iterable<C>, Iterable<D>>> cogroup4(
            RDD<Tuple2<K, List<List<Object>>>> grouped) {
        return new JavaPairRDD<>(new PairRDDFunctions<>(grouped).mapValues(
                l -> new Tuple4<>((Iterable<A>) (List) l.get(0), (Iterable<B>) (List) l.get(1),
                        (Iterable<C>) (List) l.get(2), (Iterable<D>) (List) l.get(3))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K, V, W> JavaPairRDD<K, Tuple2<Iterable<V>, Iterable<W>>> cogroupWith(
            RDD<Tuple2<K, Tuple2<List<V>, List<W>>>> grouped) {
        return new JavaPairRDD<>((RDD) grouped);
    }

    /** Pairs (k, (v, w)) for every v of this RDD and w of {@code other} sharing key k. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> join(JavaPairRDD<K, W> other) {
        return new JavaPairRDD<>(pairs().join(other.rdd()));
    }

    /** join into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> join(JavaPairRDD<K, W> other, int numPartitions) {
        return join(other, new HashPartitioner(numPartitions));
    }

    /** join placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> join(JavaPairRDD<K, W> other, Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().join(other.rdd(), partitioner));
    }

    /** join keeping every key of this RDD; w is null where {@code other} has no value. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> leftOuterJoin(JavaPairRDD<K, W> other) {
        return new JavaPairRDD<>(pairs().leftOuterJoin(other.rdd()));
    }

    /** leftOuterJoin into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> leftOuterJoin(JavaPairRDD<K, W> other, int numPartitions) {
        return leftOuterJoin(other, new HashPartitioner(numPartitions));
    }

    /** leftOuterJoin placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> leftOuterJoin(JavaPairRDD<K, W> other, Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().leftOuterJoin(other.rdd(), partitioner));
    }

    /** join keeping every key of {@code other}; v is null where this RDD has no value. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> rightOuterJoin(JavaPairRDD<K, W> other) {
        return new JavaPairRDD<>(pairs().rightOuterJoin(other.rdd()));
    }

    /** rightOuterJoin into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> rightOuterJoin(JavaPairRDD<K, W> other, int numPartitions) {
        return rightOuterJoin(other, new HashPartitioner(numPartitions));
    }

    /** rightOuterJoin placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> rightOuterJoin(JavaPairRDD<K, W> other, Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().rightOuterJoin(other.rdd(), partitioner));
    }

    /** join keeping every key of both sides; the missing side's value is null. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> fullOuterJoin(JavaPairRDD<K, W> other) {
        return new JavaPairRDD<>(pairs().fullOuterJoin(other.rdd()));
    }

    /** fullOuterJoin into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> fullOuterJoin(JavaPairRDD<K, W> other, int numPartitions) {
        return fullOuterJoin(other, new HashPartitioner(numPartitions));
    }

    /** fullOuterJoin placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, Tuple2<V, W>> fullOuterJoin(JavaPairRDD<K, W> other, Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().fullOuterJoin(other.rdd(), partitioner));
    }

    /** The pairs whose key does not occur in {@code other}. */
    public <W> JavaPairRDD<K, V> subtractByKey(JavaPairRDD<K, W> other) {
        return new JavaPairRDD<>(pairs().subtractByKey(other.rdd()));
    }

    /** subtractByKey into {@code numPartitions} hash partitions. */
    public <W> JavaPairRDD<K, V> subtractByKey(JavaPairRDD<K, W> other, int numPartitions) {
        return subtractByKey(other, new HashPartitioner(numPartitions));
    }

    /** subtractByKey placed by {@code partitioner}. */
    public <W> JavaPairRDD<K, V> subtractByKey(JavaPairRDD<K, W> other, Partitioner partitioner) {
        return new JavaPairRDD<>(pairs().subtractByKey(other.rdd(), partitioner));
    }

    // ---- actions ----

    /** How many pairs each key has. */
    public Map<K, Long> countByKey() {
        return pairs().countByKey();
    }

    /** All pairs as a map (the last value wins for duplicate keys). */
    public Map<K, V> collectAsMap() {
        return pairs().collectAsMap();
    }

    /** The values for {@code key}; scans one partition when the partitioner is known. */
    public List<V> lookup(K key) {
        return pairs().lookup(key);
    }

    /** reduceByKey, returning the result to the driver as a map. */
    public Map<K, V> reduceByKeyLocally(Function2<V, V, V> f) {
        return pairs().reduceByKeyLocally(f);
    }
}
