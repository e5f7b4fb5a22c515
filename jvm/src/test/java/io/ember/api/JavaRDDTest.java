package io.ember.api;

import static io.ember.api.JavaApiAsserts.assertSameElements;
import static io.ember.api.JavaApiAsserts.bag;
import static io.ember.api.JavaApiAsserts.randomInts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberException;
import io.ember.core.LongAccumulator;
import io.ember.core.Tuple2;
import io.ember.core.function.SerializableComparator;
import io.ember.rdd.RDD;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every JavaRDD transformation and action against the same computation in plain Java. */
class JavaRDDTest {
    private static final List<Integer> DATA = randomInts(500, 100, 42);
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("JavaRDDTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static JavaRDD<Integer> data() {
        return ec.parallelize(DATA, 4);
    }

    @Test
    void mapFlatMapFilterKeepOrder() {
        assertEquals(DATA.stream().map(x -> x * 3).toList(), data().map(x -> x * 3).collect());
        assertEquals(DATA.stream().filter(x -> x % 3 == 0).toList(), data().filter(x -> x % 3 == 0).collect());
        List<Integer> flat = new ArrayList<>();
        DATA.forEach(x -> flat.addAll(Collections.nCopies(x % 3, x)));
        assertEquals(flat, data().flatMap(x -> Collections.nCopies(x % 3, x).iterator()).collect());
    }

    @Test
    void partitionWiseTransformations() {
        List<List<Integer>> glom = data().glom().collect();
        assertEquals(4, glom.size());
        assertEquals(DATA, glom.stream().flatMap(List::stream).toList());
        List<Integer> sums = data().mapPartitions(it -> {
            int s = 0;
            while (it.hasNext()) {
                s += it.next();
            }
            return List.of(s).iterator();
        }).collect();
        assertEquals(glom.stream().map(p -> p.stream().mapToInt(Integer::intValue).sum()).toList(), sums);
        List<String> tagged = data().mapPartitionsWithIndex((i, it) -> {
            List<String> out = new ArrayList<>();
            it.forEachRemaining(x -> out.add(i + ":" + x));
            return out.iterator();
        }, false).collect();
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < glom.size(); p++) {
            for (int x : glom.get(p)) {
                expected.add(p + ":" + x);
            }
        }
        assertEquals(expected, tagged);
        assertEquals(sums, data().mapPartitions(it -> List.of(sumOf(it)).iterator(), true).collect());
        List<List<List<Integer>>> two = List.of(data().collectPartitions(1, 3));
        assertEquals(List.of(glom.get(1), glom.get(3)), two.get(0));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static int sumOf(Iterator<Integer> it) {
        int s = 0;
        while (it.hasNext()) {
            s += it.next();
        }
        return s;
    }

    @Test
    void toPairsAndDoubles() {
        assertEquals(DATA.stream().map(x -> new Tuple2<>(x % 7, x)).toList(), data().keyBy(x -> x % 7).collect());
        assertEquals(DATA.stream().map(x -> new Tuple2<>(x, x * x)).toList(),
                data().mapToPair(x -> new Tuple2<>(x, x * x)).collect());
        assertEquals(DATA.stream().map(x -> x / 2.0).toList(), data().mapToDouble(x -> x / 2.0).collect());
        List<Tuple2<Integer, String>> flat = new ArrayList<>();
        DATA.forEach(x -> {
            flat.add(new Tuple2<>(x, "a"));
            flat.add(new Tuple2<>(x, "b"));
        });
        assertEquals(flat, data().flatMapToPair(x -> List.of(new Tuple2<>(x, "a"), new Tuple2<>(x, "b")).iterator())
                .collect());
        assertEquals(DATA.stream().flatMap(x -> java.util.stream.Stream.of((double) x, -x * 1.0)).toList(),
                data().flatMapToDouble(x -> List.of((double) x, -x * 1.0).iterator()).collect());
        JavaPairRDD<Integer, Integer> perPartition = data().mapPartitionsToPair(it -> List.of(new Tuple2<>(1, sumOf(it)))
                .iterator());
        assertEquals(DATA.stream().mapToInt(Integer::intValue).sum(), (int) perPartition.values().reduce(Integer::sum));
    }

    @Test
    void zipsAndCartesian() {
        JavaRDD<Integer> d = data();
        List<Tuple2<Integer, Integer>> zipped = d.zip(d.map(x -> x + 1)).collect();
        assertEquals(DATA.stream().map(x -> new Tuple2<>(x, x + 1)).toList(), zipped);
        List<Tuple2<Integer, Long>> indexed = d.zipWithIndex().collect();
        for (int i = 0; i < DATA.size(); i++) {
            assertEquals(new Tuple2<>(DATA.get(i), (long) i), indexed.get(i));
        }
        List<Long> ids = d.zipWithUniqueId().values().collect();
        assertEquals(DATA.size(), new HashSet<>(ids).size(), "unique ids");
        assertEquals(DATA, d.zipWithUniqueId().keys().collect());
        JavaRDD<String> letters = ec.parallelize(List.of("x", "y", "z"), 2);
        JavaRDD<Integer> small = ec.parallelize(List.of(1, 2, 3, 4), 3);
        List<Tuple2<Integer, String>> expected = new ArrayList<>();
        for (int i : List.of(1, 2, 3, 4)) {
            for (String s : List.of("x", "y", "z")) {
                expected.add(new Tuple2<>(i, s));
            }
        }
        assertSameElements(expected, small.cartesian(letters).collect());
        assertEquals(6, small.cartesian(letters).getNumPartitions());
    }

    @Test
    void setOperations() {
        JavaRDD<Integer> other = ec.parallelize(randomInts(300, 150, 7), 3);
        List<Integer> otherData = other.collect();
        List<Integer> union = new ArrayList<>(DATA);
        union.addAll(otherData);
        assertEquals(union, data().union(other).collect());
        assertEquals(new HashSet<>(DATA), new HashSet<>(data().distinct().collect()));
        assertEquals(new HashSet<>(DATA).size(), data().distinct(3).count());
        assertEquals(3, data().distinct(3).getNumPartitions());
        Set<Integer> both = new HashSet<>(DATA);
        both.retainAll(otherData);
        List<Integer> inter = data().intersection(other).collect();
        assertEquals(both, new HashSet<>(inter));
        assertEquals(both.size(), inter.size(), "intersection has no duplicates");
        List<Integer> minus = DATA.stream().filter(x -> !otherData.contains(x)).toList();
        assertSameElements(minus, data().subtract(other).collect());
        assertSameElements(minus, data().subtract(other, 2).collect());
        JavaRDD<Integer> three = ec.union(data(), other, ec.parallelize(List.of(-1)));
        assertEquals(union.size() + 1, three.count());
    }

    @Test
    void sortingAndGrouping() {
        List<Integer> sorted = new ArrayList<>(DATA);
        Collections.sort(sorted);
        assertEquals(sorted, data().sortBy(x -> x, true, 3).collect());
        Collections.reverse(sorted);
        assertEquals(sorted, data().sortBy(x -> x, false, 2).collect());
        List<Integer> byLastDigit = data().sortBy(x -> x % 10, true, 4).map(x -> x % 10).collect();
        assertEquals(DATA.stream().map(x -> x % 10).sorted().toList(), byLastDigit);
        Map<Integer, List<Integer>> expected = new TreeMap<>();
        for (int x : DATA) {
            expected.computeIfAbsent(x % 7, k -> new ArrayList<>()).add(x);
        }
        for (JavaPairRDD<Integer, Iterable<Integer>> grouped : List.of(data().groupBy(x -> x % 7),
                data().groupBy(x -> x % 7, 3))) {
            Map<Integer, List<Integer>> actual = new TreeMap<>();
            for (Tuple2<Integer, Iterable<Integer>> t : grouped.collect()) {
                List<Integer> vs = new ArrayList<>();
                t._2().forEach(vs::add);
                actual.put(t._1(), vs);
            }
            assertEquals(expected.keySet(), actual.keySet());
            expected.forEach((k, vs) -> assertSameElements(vs, actual.get(k)));
        }
    }

    @Test
    void samplingAndRepartitioning() {
        JavaRDD<Integer> big = ec.range(0, 10_000, 1, 4).map(Long::intValue);
        List<Integer> s1 = big.sample(false, 0.1, 11).collect();
        assertEquals(s1, big.sample(false, 0.1, 11).collect(), "same seed, same sample");
        assertTrue(s1.size() > 800 && s1.size() < 1200, "about 10%: " + s1.size());
        assertEquals(s1.size(), new HashSet<>(s1).size(), "without replacement: no repeats");
        assertTrue(big.sample(true, 2.0, 3).count() > 15_000, "with replacement can exceed the input");
        assertTrue(big.sample(false, 0.5).count() > 0);
        JavaRDD<Integer>[] splits = big.randomSplit(new double[] {1, 2, 7}, 5);
        assertEquals(3, splits.length);
        List<Integer> all = new ArrayList<>();
        for (JavaRDD<Integer> s : splits) {
            all.addAll(s.collect());
        }
        Collections.sort(all);
        assertEquals(big.collect(), all, "splits are disjoint and cover the input");
        assertTrue(splits[2].count() > splits[0].count());
        assertEquals(2, data().coalesce(2).getNumPartitions());
        assertEquals(DATA, data().coalesce(2).collect(), "coalesce keeps order");
        assertEquals(4, data().coalesce(8).getNumPartitions(), "no shuffle: cannot grow");
        assertEquals(8, data().coalesce(8, true).getNumPartitions());
        assertEquals(7, data().repartition(7).getNumPartitions());
        assertSameElements(DATA, data().repartition(7).collect());
    }

    @Test
    void pipeThroughAShellCommand() {
        List<String> words = List.of("alpha", "beta", "gamma", "delta");
        JavaRDD<String> rdd = ec.parallelize(words, 2);
        assertEquals(words.stream().map(String::toUpperCase).toList(), rdd.pipe("tr a-z A-Z").collect());
        assertEquals(List.of("2", "2"), rdd.pipe(List.of("wc", "-l")).map(String::trim).collect());
        assertEquals(List.of("v", "v"), rdd.pipe(List.of("/bin/sh", "-c", "echo $MYVAR"), Map.of("MYVAR", "v")).collect());
    }

    @Test
    void basicActions() {
        assertEquals(DATA, data().collect());
        assertEquals(DATA.size(), data().count());
        assertEquals(DATA.get(0), data().first());
        assertEquals(DATA.subList(0, 150), data().take(150));
        List<Integer> sorted = new ArrayList<>(DATA);
        Collections.sort(sorted);
        assertEquals(sorted.subList(0, 10), data().takeOrdered(10));
        assertEquals(reversed(sorted.subList(sorted.size() - 5, sorted.size())), data().top(5));
        SerializableComparator<Integer> byMod = (a, b) -> a % 10 != b % 10 ? Integer.compare(a % 10, b % 10)
                : Integer.compare(a, b);
        List<Integer> modSorted = new ArrayList<>(DATA);
        modSorted.sort(byMod);
        assertEquals(modSorted.subList(0, 7), data().takeOrdered(7, byMod));
        assertEquals(reversed(modSorted.subList(modSorted.size() - 3, modSorted.size())), data().top(3, byMod));
        assertEquals(Collections.max(DATA), data().max(Integer::compare));
        assertEquals(Collections.min(DATA), data().min(Integer::compare));
        assertEquals(modSorted.get(0), data().min(byMod));
        assertFalse(data().isEmpty());
        assertTrue(ec.<Integer>emptyRDD().isEmpty());
        assertTrue(data().filter(x -> x < 0).isEmpty());
        Map<Integer, Long> counts = new HashMap<>();
        DATA.forEach(x -> counts.merge(x, 1L, Long::sum));
        assertEquals(counts, data().countByValue());
        List<Integer> iterated = new ArrayList<>();
        data().toLocalIterator().forEachRemaining(iterated::add);
        assertEquals(DATA, iterated);
    }

    @Test
    void takeSampleIsExactSizedAndReproducible() {
        List<Integer> a = data().takeSample(false, 50, 9);
        assertEquals(50, a.size());
        assertEquals(a, data().takeSample(false, 50, 9));
        assertTrue(bag(DATA).keySet().containsAll(a));
        List<Integer> distinctValues = ec.range(0, 100).map(Long::intValue).takeSample(false, 100, 1);
        assertEquals(100, new HashSet<>(distinctValues).size(), "without replacement takes each element once");
        assertEquals(700, data().takeSample(true, 700, 2).size());
        assertEquals(DATA.size(), data().takeSample(false, 10_000).size());
    }

    @Test
    void reductions() {
        int sum = DATA.stream().mapToInt(Integer::intValue).sum();
        assertEquals(sum, data().reduce(Integer::sum));
        assertEquals(sum, data().treeReduce(Integer::sum));
        assertEquals(sum, data().treeReduce(Integer::sum, 3));
        assertEquals(sum, data().fold(0, Integer::sum));
        assertEquals(sum, ec.parallelize(DATA, 1).fold(0, Integer::sum));
        Tuple2<Integer, Integer> sumCount = data().aggregate(new Tuple2<>(0, 0),
                (acc, x) -> new Tuple2<>(acc._1() + x, acc._2() + 1),
                (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
        assertEquals(new Tuple2<>(sum, DATA.size()), sumCount);
        assertEquals(sumCount, data().treeAggregate(new Tuple2<>(0, 0),
                (acc, x) -> new Tuple2<>(acc._1() + x, acc._2() + 1),
                (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2())));
        assertEquals((long) sum, (long) data().treeAggregate(0L, (acc, x) -> acc + x, Long::sum, 4));
        assertThrows(EmberException.class, () -> ec.<Integer>emptyRDD().reduce(Integer::sum));
    }

    @Test
    void foreachRunsInTasks() {
        LongAccumulator total = ec.longAccumulator("total");
        data().foreach(x -> total.add(x));
        assertEquals(DATA.stream().mapToLong(Integer::longValue).sum(), total.value());
        LongAccumulator partitions = ec.longAccumulator("partitions");
        data().foreachPartition(it -> partitions.add(1));
        assertEquals(4L, partitions.value());
    }

    @Test
    void persistenceAndInfo() {
        JavaRDD<Integer> d = data().map(x -> x + 1);
        assertEquals(StorageLevel.NONE, d.getStorageLevel());
        assertSame(d, d.cache());
        assertEquals(StorageLevel.MEMORY_ONLY, d.getStorageLevel());
        assertEquals(DATA.size(), d.count());
        assertEquals(DATA.stream().map(x -> x + 1).toList(), d.collect());
        d.unpersist();
        assertEquals(StorageLevel.NONE, d.getStorageLevel());
        assertEquals(StorageLevel.DISK_ONLY, d.persist(StorageLevel.DISK_ONLY).getStorageLevel());
        assertEquals(DATA.size(), d.count());
        d.unpersist();
        JavaRDD<Integer> named = d.setName("plus one");
        assertEquals("plus one", named.name());
        assertEquals(d.id(), named.id());
        assertTrue(d.toDebugString().contains("plus one"), d.toDebugString());
        assertTrue(d.toString().contains("plus one"));
        assertEquals(4, d.getNumPartitions());
        assertEquals(4, d.partitions().size());
        RDD<Integer> engine = d.rdd();
        assertEquals(d.id(), engine.id());
        assertEquals(d.collect(), JavaRDD.fromRDD(engine).collect());
        assertNotEquals(data().id(), data().id(), "each wrapper call made a new RDD");
    }

    @Test
    void checkpoints() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ember-java-cp");
        ec.setCheckpointDir(dir.toString());
        JavaRDD<Integer> d = data().map(x -> x * 2);
        d.checkpoint();
        assertFalse(d.isCheckpointed());
        assertEquals(DATA.size(), d.count());
        assertTrue(d.isCheckpointed());
        assertTrue(d.getCheckpointFile().isPresent());
        // as Spark: <dir>/<application's UUID>/rdd-<id>
        java.nio.file.Path file = java.nio.file.Path.of(d.getCheckpointFile().get());
        assertEquals("rdd-" + d.id(), file.getFileName().toString());
        assertEquals(dir, file.getParent().getParent());
        assertEquals(file.getParent().toString(), ec.checkpointDir().orElseThrow());
        java.util.UUID.fromString(file.getParent().getFileName().toString());
        assertEquals(DATA.stream().map(x -> x * 2).toList(), d.collect());
        JavaRDD<Integer> local = data().map(x -> x - 1).localCheckpoint();
        assertEquals(DATA.size(), local.count());
        assertTrue(local.isLocallyCheckpointed());
        assertEquals(DATA.stream().map(x -> x - 1).toList(), local.collect());
    }

    @Test
    void toDebugStringUsesSparksLayout() {
        JavaPairRDD<Integer, Integer> a = ec.parallelize(List.of(1, 2, 3), 2).mapToPair(x -> new Tuple2<>(x, x));
        JavaPairRDD<Integer, Integer> b = ec.parallelize(List.of(1, 2), 3).mapToPair(x -> new Tuple2<>(x, -x));
        JavaPairRDD<Integer, Tuple2<Integer, Integer>> joined = a.join(b, 4);
        String ids = joined.toDebugString().replaceAll("\\[\\d+\\]", "[_]");
        assertEquals(String.join("\n",
                "(4) MapPartitionsRDD[_] at join",
                " |  MapPartitionsRDD[_] at cogroup",
                " |  CoGroupedRDD[_]",
                " +-(2) MapPartitionsRDD[_] at map",
                " |  |  ParallelCollectionRDD[_]",
                " +-(3) MapPartitionsRDD[_] at map",
                "    |  ParallelCollectionRDD[_]"), ids);
    }

    @Test
    void aCheckpointLetsGoOfItsLineage() throws Exception {
        ec.setCheckpointDir(java.nio.file.Files.createTempDirectory("ember-java-cp").toString());
        JavaRDD<Integer> parent = data().map(x -> x + 1);
        java.lang.ref.WeakReference<RDD<Integer>> parentRef = new java.lang.ref.WeakReference<>(parent.rdd());
        JavaRDD<Integer> d = parent.map(x -> x * 2);
        parent = null;
        d.checkpoint();
        assertEquals(DATA.size(), d.count());
        for (int i = 0; i < 50 && parentRef.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, parentRef.get(), "the checkpointed RDD still references its parent");
        assertEquals(DATA.stream().map(x -> (x + 1) * 2).toList(), d.collect());
    }

    @Test
    void savesAndReadsBack() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ember-java-save");
        String text = dir.resolve("text").toString();
        data().saveAsTextFile(text);
        assertEquals(DATA.stream().map(String::valueOf).toList(), ec.textFile(text).collect());
        String objects = dir.resolve("objects").toString();
        data().map(x -> new Tuple2<>(x, "v" + x)).saveAsObjectFile(objects);
        JavaRDD<Tuple2<Integer, String>> back = ec.objectFile(objects);
        assertEquals(DATA.stream().map(x -> new Tuple2<>(x, "v" + x)).toList(), back.collect());
    }

    @Test
    void wordCountMatchesAHashMap() {
        List<String> lines = List.of("the quick brown fox", "jumps over  the lazy dog", "", "the end");
        Map<String, Integer> expected = new HashMap<>();
        for (String line : lines) {
            for (String w : line.split("\\s+")) {
                if (!w.isEmpty()) {
                    expected.merge(w, 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> counts = ec.parallelize(lines, 3)
                .flatMap(l -> Arrays.asList(l.split("\\s+")).iterator())
                .filter(w -> !w.isEmpty())
                .mapToPair(w -> new Tuple2<>(w, 1))
                .reduceByKey(Integer::sum)
                .collectAsMap();
        assertEquals(expected, counts);
        List<String> top = ec.parallelize(lines, 3).flatMap(l -> Arrays.asList(l.split("\\s+")).iterator())
                .filter(w -> !w.isEmpty()).collect().stream().sorted(Comparator.reverseOrder()).distinct()
                .collect(Collectors.toList());
        assertEquals(top.get(0), ec.parallelize(top, 2).max((a, b) -> a.compareTo(b)));
    }
}
