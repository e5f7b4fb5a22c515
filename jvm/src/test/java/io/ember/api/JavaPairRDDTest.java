package io.ember.api;

import static io.ember.api.JavaApiAsserts.assertSameElements;
import static io.ember.api.JavaApiAsserts.randomInts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.HashPartitioner;
import io.ember.core.Partitioner;
import io.ember.core.Tuple2;
import io.ember.core.Tuple3;
import io.ember.core.Tuple4;
import io.ember.core.function.SerializableComparator;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every JavaPairRDD operation against the same computation in plain Java (maps, nested loops, sorts). */
class JavaPairRDDTest {
    /** (key in 0..19, value in 0..999) pairs, keys repeating. */
    private static final List<Tuple2<Integer, Integer>> PAIRS = pairs(400, 20, 1);
    /** Keys 10..29, so half overlap PAIRS' keys. */
    private static final List<Tuple2<Integer, String>> OTHER = otherPairs();
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("JavaPairRDDTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<Tuple2<Integer, Integer>> pairs(int n, int keys, long seed) {
        List<Integer> ks = randomInts(n, keys, seed);
        List<Integer> vs = randomInts(n, 1000, seed + 1);
        List<Tuple2<Integer, Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Tuple2<>(ks.get(i), vs.get(i)));
        }
        return out;
    }

    private static List<Tuple2<Integer, String>> otherPairs() {
        List<Tuple2<Integer, String>> out = new ArrayList<>();
        List<Integer> ks = randomInts(60, 20, 99);
        for (int i = 0; i < ks.size(); i++) {
            out.add(new Tuple2<>(ks.get(i) + 10, "o" + i));
        }
        return out;
    }

    private static JavaPairRDD<Integer, Integer> pairs() {
        return ec.parallelizePairs(PAIRS, 4);
    }

    private static JavaPairRDD<Integer, String> other() {
        return ec.parallelizePairs(OTHER, 3);
    }

    private static <K, V> Map<K, List<V>> grouped(List<Tuple2<K, V>> pairs) {
        Map<K, List<V>> out = new TreeMap<>();
        for (Tuple2<K, V> t : pairs) {
            out.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2());
        }
        return out;
    }

    private static Map<Integer, Integer> sums() {
        Map<Integer, Integer> sums = new HashMap<>();
        PAIRS.forEach(t -> sums.merge(t._1(), t._2(), Integer::sum));
        return sums;
    }

    private static <K, V> Map<K, V> asMap(List<Tuple2<K, V>> pairs) {
        Map<K, V> out = new HashMap<>();
        for (Tuple2<K, V> t : pairs) {
            out.put(t._1(), t._2());
        }
        assertEquals(pairs.size(), out.size(), "each key once");
        return out;
    }

    @Test
    void valueTransformations() {
        assertEquals(PAIRS.stream().map(t -> new Tuple2<>(t._1(), t._2() * 2)).toList(),
                pairs().mapValues(v -> v * 2).collect());
        List<Tuple2<Integer, Integer>> flat = new ArrayList<>();
        PAIRS.forEach(t -> {
            for (int i = 0; i < t._2() % 3; i++) {
                flat.add(new Tuple2<>(t._1(), i));
            }
        });
        assertEquals(flat, pairs().flatMapValues(v -> {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < v % 3; i++) {
                out.add(i);
            }
            return out.iterator();
        }).collect());
        assertEquals(PAIRS.stream().map(Tuple2::_1).toList(), pairs().keys().collect());
        assertEquals(PAIRS.stream().map(Tuple2::_2).toList(), pairs().values().collect());
        JavaPairRDD<Integer, Integer> placed = pairs().partitionBy(new HashPartitioner(3));
        assertEquals(placed.partitioner(), placed.mapValues(v -> v + 1).partitioner(), "mapValues keeps placement");
    }

    @Test
    void reductionsByKeyMatchAHashMap() {
        Map<Integer, Integer> sums = sums();
        assertEquals(sums, asMap(pairs().reduceByKey(Integer::sum).collect()));
        assertEquals(sums, asMap(pairs().reduceByKey(Integer::sum, 3).collect()));
        assertEquals(3, pairs().reduceByKey(Integer::sum, 3).getNumPartitions());
        assertEquals(sums, asMap(pairs().reduceByKey(new HashPartitioner(5), Integer::sum).collect()));
        assertEquals(sums, pairs().reduceByKeyLocally(Integer::sum));
        assertEquals(sums, asMap(pairs().foldByKey(0, Integer::sum).collect()));
        assertEquals(sums, asMap(pairs().foldByKey(0, 2, Integer::sum).collect()));
        assertEquals(sums, asMap(pairs().foldByKey(0, new HashPartitioner(2), Integer::sum).collect()));
        Map<Integer, Integer> maxes = new HashMap<>();
        PAIRS.forEach(t -> maxes.merge(t._1(), t._2(), Math::max));
        assertEquals(maxes, asMap(pairs().reduceByKey(Math::max).collect()));
    }

    @Test
    void combineAndAggregateByKey() {
        Map<Integer, List<Integer>> groups = grouped(PAIRS);
        Map<Integer, Tuple2<Integer, Integer>> sumCount = new HashMap<>();
        groups.forEach((k, vs) -> sumCount.put(k, new Tuple2<>(vs.stream().mapToInt(Integer::intValue).sum(), vs.size())));
        JavaPairRDD<Integer, Tuple2<Integer, Integer>> combined = pairs().combineByKey(v -> new Tuple2<>(v, 1),
                (c, v) -> new Tuple2<>(c._1() + v, c._2() + 1), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
        assertEquals(sumCount, asMap(combined.collect()));
        assertEquals(sumCount, asMap(pairs().<Tuple2<Integer, Integer>>combineByKey(v -> new Tuple2<>(v, 1),
                (c, v) -> new Tuple2<>(c._1() + v, c._2() + 1), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()),
                2).collect()));
        assertEquals(sumCount, asMap(pairs().<Tuple2<Integer, Integer>>combineByKey(v -> new Tuple2<>(v, 1),
                (c, v) -> new Tuple2<>(c._1() + v, c._2() + 1), (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()),
                new HashPartitioner(3), false).collect()));
        Map<Integer, Integer> sizes = new HashMap<>();
        groups.forEach((k, vs) -> sizes.put(k, vs.size()));
        assertEquals(sizes, asMap(pairs().combineByKey(v -> 1, (c, v) -> c + 1, Integer::sum, new HashPartitioner(2))
                .collect()));
        Map<Integer, List<Integer>> sortedGroups = new HashMap<>();
        groups.forEach((k, vs) -> {
            List<Integer> s = new ArrayList<>(vs);
            Collections.sort(s);
            sortedGroups.put(k, s);
        });
        JavaPairRDD<Integer, ArrayList<Integer>> lists = pairs().aggregateByKey(new ArrayList<Integer>(), (l, v) -> {
            l.add(v);
            return l;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        });
        assertEquals(sortedGroups, asMap(lists.mapValues(l -> {
            List<Integer> s = new ArrayList<>(l);
            Collections.sort(s);
            return s;
        }).collect()), "each key starts from its own empty list");
        assertEquals(sizes, asMap(pairs().aggregateByKey(0, 3, (c, v) -> c + 1, Integer::sum).collect()));
        assertEquals(sizes, asMap(pairs().aggregateByKey(0, new HashPartitioner(4), (c, v) -> c + 1, Integer::sum)
                .collect()));
    }

    @Test
    void groupByKeyMatchesGroupingInJava() {
        Map<Integer, List<Integer>> expected = grouped(PAIRS);
        for (JavaPairRDD<Integer, Iterable<Integer>> g : List.of(pairs().groupByKey(), pairs().groupByKey(3),
                pairs().groupByKey(new HashPartitioner(2)))) {
            Map<Integer, List<Integer>> actual = new TreeMap<>();
            for (Tuple2<Integer, Iterable<Integer>> t : g.collect()) {
                List<Integer> vs = new ArrayList<>();
                t._2().forEach(vs::add);
                actual.put(t._1(), vs);
            }
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((k, vs) -> assertSameElements(vs, actual.get(k)));
        }
    }

    @Test
    void partitionByPlacesEveryKeyByItsPartitioner() {
        Partitioner p = new HashPartitioner(3);
        JavaPairRDD<Integer, Integer> placed = pairs().partitionBy(p);
        assertEquals(Optional.of(p), placed.partitioner());
        List<List<Tuple2<Integer, Integer>>> parts = placed.glom().collect();
        assertEquals(3, parts.size());
        for (int i = 0; i < parts.size(); i++) {
            for (Tuple2<Integer, Integer> t : parts.get(i)) {
                assertEquals(p.getPartition(t._1()), i);
            }
        }
        assertSameElements(PAIRS, placed.collect());
        assertSame(placed.rdd(), placed.partitionBy(p).rdd(), "already placed: no new shuffle");
        List<Integer> lookedUp = placed.lookup(7);
        List<Integer> expected = PAIRS.stream().filter(t -> t._1() == 7).map(Tuple2::_2).toList();
        assertSameElements(expected, lookedUp);
        assertSameElements(expected, pairs().lookup(7));
        assertTrue(pairs().lookup(12345).isEmpty());
    }

    @Test
    void sortByKeyMatchesCollectionsSort() {
        List<Integer> ascending = PAIRS.stream().map(Tuple2::_1).sorted().toList();
        List<Integer> descending = new ArrayList<>(ascending);
        Collections.reverse(descending);
        assertEquals(ascending, pairs().sortByKey().keys().collect());
        assertEquals(ascending, pairs().sortByKey(true).keys().collect());
        assertEquals(descending, pairs().sortByKey(false).keys().collect());
        JavaPairRDD<Integer, Integer> three = pairs().sortByKey(true, 3);
        assertEquals(3, three.getNumPartitions());
        assertEquals(ascending, three.keys().collect());
        assertSameElements(PAIRS, three.collect());
        SerializableComparator<Integer> byLastDigitThenValue = (a, b) -> a % 10 != b % 10
                ? Integer.compare(a % 10, b % 10) : Integer.compare(a, b);
        List<Integer> custom = new ArrayList<>(ascending);
        custom.sort(byLastDigitThenValue);
        assertEquals(custom, pairs().sortByKey(byLastDigitThenValue).keys().collect());
        List<Integer> customDesc = new ArrayList<>(custom);
        Collections.reverse(customDesc);
        assertEquals(customDesc, pairs().sortByKey(byLastDigitThenValue, false).keys().collect());
        assertEquals(custom, pairs().sortByKey(byLastDigitThenValue, true, 2).keys().collect());
        List<Tuple2<String, Integer>> words = List.of(new Tuple2<>("pear", 1), new Tuple2<>("apple", 2),
                new Tuple2<>("fig", 3), new Tuple2<>("kiwi", 4));
        List<Tuple2<String, Integer>> sortedWords = new ArrayList<>(words);
        sortedWords.sort(Comparator.comparing(Tuple2::_1));
        assertEquals(sortedWords, ec.parallelizePairs(words, 2).sortByKey().collect());
    }

    @Test
    void repartitionAndSortWithinPartitions() {
        Partitioner p = new HashPartitioner(3);
        for (JavaPairRDD<Integer, Integer> r : List.of(pairs().repartitionAndSortWithinPartitions(p),
                pairs().repartitionAndSortWithinPartitions(p, Integer::compare))) {
            List<List<Tuple2<Integer, Integer>>> parts = r.glom().collect();
            assertEquals(3, parts.size());
            for (int i = 0; i < parts.size(); i++) {
                List<Integer> keys = parts.get(i).stream().map(Tuple2::_1).toList();
                assertEquals(keys.stream().sorted().toList(), keys, "partition " + i + " sorted");
                final int index = i;
                assertTrue(keys.stream().allMatch(k -> p.getPartition(k) == index));
            }
            assertSameElements(PAIRS, r.collect());
        }
    }

    private static <V, W> List<Tuple2<Integer, Tuple2<V, W>>> nestedLoopJoin(List<Tuple2<Integer, V>> left,
            List<Tuple2<Integer, W>> right, boolean keepLeft, boolean keepRight) {
        List<Tuple2<Integer, Tuple2<V, W>>> out = new ArrayList<>();
        for (Tuple2<Integer, V> l : left) {
            boolean matched = false;
            for (Tuple2<Integer, W> r : right) {
                if (l._1().equals(r._1())) {
                    out.add(new Tuple2<>(l._1(), new Tuple2<>(l._2(), r._2())));
                    matched = true;
                }
            }
            if (!matched && keepLeft) {
                out.add(new Tuple2<>(l._1(), new Tuple2<>(l._2(), null)));
            }
        }
        if (keepRight) {
            for (Tuple2<Integer, W> r : right) {
                if (left.stream().noneMatch(l -> l._1().equals(r._1()))) {
                    out.add(new Tuple2<>(r._1(), new Tuple2<>(null, r._2())));
                }
            }
        }
        return out;
    }

    @Test
    void joinsMatchNestedLoops() {
        assertSameElements(nestedLoopJoin(PAIRS, OTHER, false, false), pairs().join(other()).collect());
        assertSameElements(nestedLoopJoin(PAIRS, OTHER, false, false), pairs().join(other(), 2).collect());
        assertSameElements(nestedLoopJoin(PAIRS, OTHER, false, false),
                pairs().join(other(), new HashPartitioner(5)).collect());
        List<Tuple2<Integer, Tuple2<Integer, String>>> left = nestedLoopJoin(PAIRS, OTHER, true, false);
        assertSameElements(left, pairs().leftOuterJoin(other()).collect());
        assertSameElements(left, pairs().leftOuterJoin(other(), 3).collect());
        assertSameElements(left, pairs().leftOuterJoin(other(), new HashPartitioner(2)).collect());
        assertTrue(left.stream().anyMatch(t -> t._2()._2() == null), "some keys have no match: null on the right");
        List<Tuple2<Integer, Tuple2<Integer, String>>> right = nestedLoopJoin(PAIRS, OTHER, false, true);
        assertSameElements(right, pairs().rightOuterJoin(other()).collect());
        assertSameElements(right, pairs().rightOuterJoin(other(), 3).collect());
        assertSameElements(right, pairs().rightOuterJoin(other(), new HashPartitioner(2)).collect());
        List<Tuple2<Integer, Tuple2<Integer, String>>> full = nestedLoopJoin(PAIRS, OTHER, true, true);
        assertSameElements(full, pairs().fullOuterJoin(other()).collect());
        assertSameElements(full, pairs().fullOuterJoin(other(), 4).collect());
        assertSameElements(full, pairs().fullOuterJoin(other(), new HashPartitioner(2)).collect());
    }

    @Test
    void threeAndFourWayCogroupMatchPlainJava() {
        Map<Integer, List<Integer>> l = grouped(PAIRS);
        Map<Integer, List<String>> r = grouped(OTHER);
        HashSet<Integer> keys = new HashSet<>(l.keySet());
        keys.addAll(r.keySet());
        for (JavaPairRDD<Integer, Tuple3<Iterable<Integer>, Iterable<String>, Iterable<Integer>>> cg : List.of(
                pairs().cogroup(other(), pairs()), pairs().cogroup(other(), pairs(), 3), pairs().groupWith(other(), pairs()))) {
            Map<Integer, Tuple3<Iterable<Integer>, Iterable<String>, Iterable<Integer>>> actual = asMap(cg.collect());
            assertEquals(keys, actual.keySet());
            for (int k : keys) {
                assertSameElements(l.getOrDefault(k, List.of()), list(actual.get(k)._1()));
                assertSameElements(r.getOrDefault(k, List.of()), list(actual.get(k)._2()));
                assertSameElements(l.getOrDefault(k, List.of()), list(actual.get(k)._3()));
            }
        }
        Map<Integer, Tuple4<Iterable<Integer>, Iterable<String>, Iterable<String>, Iterable<Integer>>> four =
                asMap(pairs().cogroup(other(), other(), pairs(), 2).collect());
        assertEquals(keys, four.keySet());
        for (int k : keys) {
            assertSameElements(r.getOrDefault(k, List.of()), list(four.get(k)._3()));
            assertSameElements(l.getOrDefault(k, List.of()), list(four.get(k)._4()));
        }
    }

    private static <T> List<T> list(Iterable<T> values) {
        List<T> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    @Test
    void cogroupAndSubtractByKey() {
        Map<Integer, List<Integer>> l = grouped(PAIRS);
        Map<Integer, List<String>> r = grouped(OTHER);
        HashSet<Integer> keys = new HashSet<>(l.keySet());
        keys.addAll(r.keySet());
        for (JavaPairRDD<Integer, Tuple2<Iterable<Integer>, Iterable<String>>> cg : List.of(pairs().cogroup(other()),
                pairs().cogroup(other(), 2), pairs().cogroup(other(), new HashPartitioner(3)))) {
            Map<Integer, Tuple2<Iterable<Integer>, Iterable<String>>> actual = asMap(cg.collect());
            assertEquals(keys, actual.keySet());
            for (int k : keys) {
                List<Integer> vs = new ArrayList<>();
                actual.get(k)._1().forEach(vs::add);
                List<String> ws = new ArrayList<>();
                actual.get(k)._2().forEach(ws::add);
                assertSameElements(l.getOrDefault(k, List.of()), vs);
                assertSameElements(r.getOrDefault(k, List.of()), ws);
            }
        }
        List<Tuple2<Integer, Integer>> minus = PAIRS.stream().filter(t -> !r.containsKey(t._1())).toList();
        assertSameElements(minus, pairs().subtractByKey(other()).collect());
        assertSameElements(minus, pairs().subtractByKey(other(), 2).collect());
        assertSameElements(minus, pairs().subtractByKey(other(), new HashPartitioner(3)).collect());
    }

    @Test
    void pairActions() {
        Map<Integer, Long> counts = new HashMap<>();
        PAIRS.forEach(t -> counts.merge(t._1(), 1L, Long::sum));
        assertEquals(counts, pairs().countByKey());
        Map<Integer, Integer> last = new HashMap<>();
        PAIRS.forEach(t -> last.put(t._1(), t._2()));
        assertEquals(last, pairs().collectAsMap(), "the last value wins, in partition order");
        assertEquals(PAIRS.size(), pairs().count());
        assertEquals(PAIRS.get(0), pairs().first());
        assertEquals(PAIRS.subList(0, 5), pairs().take(5));
    }

    @Test
    void rddOpsKeepPairness() throws Exception {
        JavaPairRDD<Integer, Integer> even = pairs().filter(t -> t._2() % 2 == 0);
        assertEquals(PAIRS.stream().filter(t -> t._2() % 2 == 0).toList(), even.collect());
        assertEquals(new HashSet<>(PAIRS), new HashSet<>(pairs().distinct().collect()));
        assertEquals(new HashSet<>(PAIRS).size(), pairs().distinct(2).count());
        List<Tuple2<Integer, Integer>> twice = new ArrayList<>(PAIRS);
        twice.addAll(PAIRS);
        assertEquals(twice, pairs().union(pairs()).collect());
        JavaPairRDD<Integer, Integer> cached = pairs().cache();
        assertEquals(StorageLevel.MEMORY_ONLY, cached.getStorageLevel());
        assertEquals(PAIRS, cached.collect());
        cached.unpersist();
        assertEquals(StorageLevel.DISK_ONLY, pairs().persist(StorageLevel.DISK_ONLY).getStorageLevel());
        assertEquals(2, pairs().coalesce(2).getNumPartitions());
        assertEquals(PAIRS, pairs().coalesce(2).collect());
        assertEquals(6, pairs().repartition(6).getNumPartitions());
        assertSameElements(PAIRS, pairs().repartition(6).collect());
        List<Tuple2<Integer, Integer>> sample = pairs().sample(false, 0.5, 3).collect();
        assertEquals(sample, pairs().sample(false, 0.5, 3).collect());
        assertTrue(PAIRS.containsAll(sample));
        JavaPairRDD<Integer, Integer> firstHalf = ec.parallelizePairs(PAIRS.subList(0, 200), 2);
        assertSameElements(new ArrayList<>(new HashSet<>(PAIRS.subList(0, 200))),
                pairs().intersection(firstHalf).collect());
        HashSet<Tuple2<Integer, Integer>> head = new HashSet<>(PAIRS.subList(0, 200));
        assertSameElements(PAIRS.stream().filter(t -> !head.contains(t)).toList(), pairs().subtract(firstHalf).collect());
        assertEquals(PAIRS.stream().map(t -> t._1() + t._2()).toList(), pairs().map(t -> t._1() + t._2()).collect());
        assertEquals(PAIRS, pairs().toJavaRDD().collect());
        assertEquals(PAIRS, JavaPairRDD.fromJavaRDD(pairs().toJavaRDD()).collect());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ember-pairs");
        pairs().saveAsTextFile(dir.resolve("out").toString());
        assertEquals(PAIRS.stream().map(Tuple2::toString).toList(), ec.textFile(dir.resolve("out").toString()).collect());
    }
}
