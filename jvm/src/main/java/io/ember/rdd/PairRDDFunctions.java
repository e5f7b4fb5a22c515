package io.ember.rdd;

import io.ember.core.HashPartitioner;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.core.function.FlatMapFunction;
import io.ember.core.function.Function;
import io.ember.core.function.Function2;
import io.ember.core.function.Functions;
import io.ember.core.function.SerializableComparator;
import io.ember.shuffle.Aggregator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operations on RDDs of key-value pairs. Operations given no partition count use the
 * parent's partitioner when it has one, else {@code ember.default.parallelism} when set, else
 * the parent's partition count (PySpark's rule).
 */
public final class PairRDDFunctions<K, V> {
    private final RDD<Tuple2<K, V>> self;

    public PairRDDFunctions(RDD<Tuple2<K, V>> self) {
        this.self = self;
    }

    private Partitioner defaultPartitioner() {
        Optional<Partitioner> p = self.partitioner();
        if (p.isPresent()) {
            return p.get();
        }
        return new HashPartitioner(defaultPartitions());
    }

    private int defaultPartitions() {
        String configured = self.context().conf().get(io.ember.core.ConfigKeys.DEFAULT_PARALLELISM);
        return configured.isEmpty() ? Math.max(1, self.getNumPartitions()) : Integer.parseInt(configured.trim());
    }

    // ---- narrow ----

    public <U> RDD<Tuple2<K, U>> mapValues(Function<V, U> f) {
        return self.from(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, U>>(self,
                (i, it) -> Iterators.map(it, t -> new Tuple2<>(t._1(), f.call(t._2()))), true), "mapValues");
    }

    public <U> RDD<Tuple2<K, U>> flatMapValues(FlatMapFunction<V, U> f) {
        return self.from(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, U>>(self,
                (i, it) -> Iterators.flatMap(it, t -> Iterators.map(f.call(t._2()), u -> new Tuple2<>(t._1(), u))),
                true), "flatMapValues");
    }

    public RDD<K> keys() {
        return self.from(new MapPartitionsRDD<Tuple2<K, V>, K>(self, (i, it) -> Iterators.map(it, Tuple2::_1), false),
                "keys");
    }

    public RDD<V> values() {
        return self.from(new MapPartitionsRDD<Tuple2<K, V>, V>(self, (i, it) -> Iterators.map(it, Tuple2::_2), false),
                "values");
    }

    // ---- aggregation ----

    public <C> RDD<Tuple2<K, C>> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners, Partitioner partitioner,
                                             boolean mapSideCombine) {
        Aggregator<V, C> agg = new Aggregator<>(createCombiner, mergeValue, mergeCombiners);
        if (self.partitioner().equals(Optional.of(partitioner))) {
            return self.from(new MapPartitionsRDD<Tuple2<K, V>, Tuple2<K, C>>(self,
                    (i, it) -> combineLocally(it, agg), true), "combineByKey");
        }
        return self.from(new ShuffledRDD<>(self, partitioner, agg, mapSideCombine, null), "combineByKey");
    }

    private static <K, V, C> Iterator<Tuple2<K, C>> combineLocally(Iterator<Tuple2<K, V>> it, Aggregator<V, C> agg) {
        Map<K, C> map = new HashMap<>();
        while (it.hasNext()) {
            Tuple2<K, V> t = it.next();
            C old = map.get(t._1());
            map.put(t._1(), old == null && !map.containsKey(t._1())
                    ? Functions.apply(agg.createCombiner(), t._2())
                    : Functions.apply(agg.mergeValue(), old, t._2()));
        }
        return Iterators.map(map.entrySet().iterator(), e -> new Tuple2<>(e.getKey(), e.getValue()));
    }

    public <C> RDD<Tuple2<K, C>> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners, int numPartitions) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(numPartitions), true);
    }

    public <C> RDD<Tuple2<K, C>> combineByKey(Function<V, C> createCombiner, Function2<C, V, C> mergeValue,
                                             Function2<C, C, C> mergeCombiners) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, defaultPartitioner(), true);
    }

    public RDD<Tuple2<K, V>> reduceByKey(Function2<V, V, V> f, Partitioner partitioner) {
        return self.from(combineByKey(v -> v, f, f, partitioner, true), "reduceByKey");
    }

    public RDD<Tuple2<K, V>> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return reduceByKey(f, new HashPartitioner(numPartitions));
    }

    public RDD<Tuple2<K, V>> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(f, defaultPartitioner());
    }

    public RDD<Tuple2<K, Iterable<V>>> groupByKey(Partitioner partitioner) {
        RDD<Tuple2<K, List<V>>> grouped = combineByKey(v -> {
            List<V> l = new ArrayList<>();
            l.add(v);
            return l;
        }, (l, v) -> {
            l.add(v);
            return l;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }, partitioner, false);
        @SuppressWarnings({"unchecked", "rawtypes"})
        RDD<Tuple2<K, Iterable<V>>> result = (RDD) grouped;
        return self.from(result, "groupByKey");
    }

    public RDD<Tuple2<K, Iterable<V>>> groupByKey(int numPartitions) {
        return groupByKey(new HashPartitioner(numPartitions));
    }

    public RDD<Tuple2<K, Iterable<V>>> groupByKey() {
        return groupByKey(defaultPartitioner());
    }

    /** Per-key aggregate with a zero value that each key gets a fresh copy of. */
    public <U> RDD<Tuple2<K, U>> aggregateByKey(U zero, Function2<U, V, U> seqOp, Function2<U, U, U> combOp,
                                               Partitioner partitioner) {
        byte[] zeroBytes = io.ember.serializer.ClosureSerializer.serialize(zero, "the zero value of aggregateByKey");
        return self.from(combineByKey(
                v -> seqOp.call(io.ember.serializer.ClosureSerializer.deserialize(zeroBytes,
                        Thread.currentThread().getContextClassLoader()), v),
                seqOp, combOp, partitioner, true), "aggregateByKey");
    }

    public <U> RDD<Tuple2<K, U>> aggregateByKey(U zero, Function2<U, V, U> seqOp, Function2<U, U, U> combOp) {
        return aggregateByKey(zero, seqOp, combOp, defaultPartitioner());
    }

    public <U> RDD<Tuple2<K, U>> aggregateByKey(U zero, Function2<U, V, U> seqOp, Function2<U, U, U> combOp,
                                               int numPartitions) {
        return aggregateByKey(zero, seqOp, combOp, new HashPartitioner(numPartitions));
    }

    public RDD<Tuple2<K, V>> foldByKey(V zero, Function2<V, V, V> f) {
        return self.from(aggregateByKey(zero, f, f), "foldByKey");
    }

    public RDD<Tuple2<K, V>> foldByKey(V zero, Function2<V, V, V> f, int numPartitions) {
        return self.from(aggregateByKey(zero, f, f, numPartitions), "foldByKey");
    }

    // ---- partitioning and sorting ----

    public RDD<Tuple2<K, V>> partitionBy(Partitioner partitioner) {
        if (self.partitioner().equals(Optional.of(partitioner))) {
            return self;
        }
        return self.from(new ShuffledRDD<K, V, V>(self, partitioner), "partitionBy");
    }

    public RDD<Tuple2<K, V>> sortByKey(SerializableComparator<K> order, boolean ascending, int numPartitions) {
        RangePartitioner part = new RangePartitioner(numPartitions, self, order, ascending);
        SerializableComparator<K> effective = ascending ? order : order.reversed();
        return self.from(new ShuffledRDD<K, V, V>(self, part, null, false, effective), "sortByKey");
    }

    public RDD<Tuple2<K, V>> sortByKey(boolean ascending) {
        return sortByKey(SerializableComparator.natural(), ascending, self.getNumPartitions());
    }

    public RDD<Tuple2<K, V>> repartitionAndSortWithinPartitions(Partitioner partitioner, SerializableComparator<K> order) {
        return self.from(new ShuffledRDD<K, V, V>(self, partitioner, null, false, order),
                "repartitionAndSortWithinPartitions");
    }

    // ---- joins ----

    @SuppressWarnings({"unchecked", "rawtypes"})
    public <W> RDD<Tuple2<K, Tuple2<List<V>, List<W>>>> cogroup(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        CoGroupedRDD<K> cg = new CoGroupedRDD<>(List.of(self, other), partitioner);
        return self.from(new PairRDDFunctions<>((RDD<Tuple2<K, List<List<Object>>>>) cg).mapValues(
                lists -> new Tuple2<>((List<V>) (List) lists.get(0), (List<W>) (List) lists.get(1))), "cogroup");
    }

    public <W> RDD<Tuple2<K, Tuple2<List<V>, List<W>>>> cogroup(RDD<Tuple2<K, W>> other) {
        return cogroup(other, defaultPartitioner());
    }

    /** Groups by key over this and the other RDDs, hash-partitioned as this one's shuffles are. */
    public RDD<Tuple2<K, List<List<Object>>>> cogroup(List<RDD<? extends Tuple2<K, ?>>> others) {
        return cogroup(others, defaultPartitioner());
    }

    /** Groups by key over this and the other RDDs: per key, one list of values per RDD, in order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public RDD<Tuple2<K, List<List<Object>>>> cogroup(List<RDD<? extends Tuple2<K, ?>>> others, Partitioner partitioner) {
        List<RDD<? extends Tuple2<K, ?>>> all = new ArrayList<>();
        all.add(self);
        all.addAll(others);
        return self.from(new CoGroupedRDD<>(all, partitioner), "cogroup");
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> join(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        return joinWith(other, partitioner, false, false, "join");
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> join(RDD<Tuple2<K, W>> other) {
        return join(other, defaultPartitioner());
    }

    /** Pairs with no match on the right get null as the right value. */
    public <W> RDD<Tuple2<K, Tuple2<V, W>>> leftOuterJoin(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        return joinWith(other, partitioner, true, false, "leftOuterJoin");
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> leftOuterJoin(RDD<Tuple2<K, W>> other) {
        return leftOuterJoin(other, defaultPartitioner());
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> rightOuterJoin(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        return joinWith(other, partitioner, false, true, "rightOuterJoin");
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> rightOuterJoin(RDD<Tuple2<K, W>> other) {
        return rightOuterJoin(other, defaultPartitioner());
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> fullOuterJoin(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        return joinWith(other, partitioner, true, true, "fullOuterJoin");
    }

    public <W> RDD<Tuple2<K, Tuple2<V, W>>> fullOuterJoin(RDD<Tuple2<K, W>> other) {
        return fullOuterJoin(other, defaultPartitioner());
    }

    private <W> RDD<Tuple2<K, Tuple2<V, W>>> joinWith(RDD<Tuple2<K, W>> other, Partitioner partitioner,
                                                     boolean keepLeft, boolean keepRight, String name) {
        RDD<Tuple2<K, Tuple2<List<V>, List<W>>>> cg = cogroup(other, partitioner);
        return self.from(new PairRDDFunctions<>(cg).flatMapValues(lists -> {
            List<V> left = lists._1();
            List<W> right = lists._2();
            List<Tuple2<V, W>> out = new ArrayList<>();
            if (left.isEmpty() && keepRight) {
                right.forEach(w -> out.add(new Tuple2<>(null, w)));
            } else if (right.isEmpty() && keepLeft) {
                left.forEach(v -> out.add(new Tuple2<>(v, null)));
            } else {
                for (V v : left) {
                    for (W w : right) {
                        out.add(new Tuple2<>(v, w));
                    }
                }
            }
            return out.iterator();
        }), name);
    }

    public <W> RDD<Tuple2<K, V>> subtractByKey(RDD<Tuple2<K, W>> other, Partitioner partitioner) {
        RDD<Tuple2<K, Tuple2<List<V>, List<W>>>> cg = cogroup(other, partitioner);
        return self.from(new PairRDDFunctions<>(cg).flatMapValues(
                lists -> lists._2().isEmpty() ? lists._1().iterator() : List.<V>of().iterator()), "subtractByKey");
    }

    public <W> RDD<Tuple2<K, V>> subtractByKey(RDD<Tuple2<K, W>> other) {
        return subtractByKey(other, new HashPartitioner(defaultPartitions()));
    }

    // ---- actions ----

    public Map<K, Long> countByKey() {
        return keys().countByValue();
    }

    /** All pairs as a map (the last value wins for duplicate keys). */
    public Map<K, V> collectAsMap() {
        Map<K, V> map = new HashMap<>();
        for (Tuple2<K, V> t : self.collect()) {
            map.put(t._1(), t._2());
        }
        return map;
    }

    public Map<K, V> reduceByKeyLocally(Function2<V, V, V> f) {
        Map<K, V> map = new HashMap<>();
        for (Tuple2<K, V> t : reduceByKey(f).collect()) {
            map.put(t._1(), t._2());
        }
        return map;
    }

    /** The values for a key; scans one partition when the partitioner is known. */
    public List<V> lookup(K key) {
        TaskFunction<Tuple2<K, V>, List<V>> scan = (ctx, it) -> {
            List<V> found = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<K, V> t = it.next();
                if (java.util.Objects.equals(t._1(), key)) {
                    found.add(t._2());
                }
            }
            return found;
        };
        Optional<Partitioner> p = self.partitioner();
        List<List<V>> parts = p.isPresent()
                ? self.context().runJob(self, scan, new int[] {p.get().getPartition(key)})
                : self.runJob(scan);
        List<V> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

}
