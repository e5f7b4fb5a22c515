package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.EmberConf;
import io.ember.core.HashPartitioner;
import io.ember.core.Tuple2;
import io.ember.rdd.Iterators;
import io.ember.rdd.PairRDDFunctions;
import io.ember.rdd.ParallelCollectionRDD;
import io.ember.rdd.RDD;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shuffles with {@code ember.shuffle.spill.numElementsForceSpillThreshold} = 100, so every
 * spilling buffer writes a file after each 100 records it takes in. Each test checks the
 * answer against plain Java and the exact number of spill files: the map-side writer's
 * (sort buffer, or combine map with map-side combine) plus the reduce side's (sorter or
 * append-only map), each computed from the records that buffer receives, so a path that did
 * not spill (or spilled differently) changes the count.
 */
class ShuffleSpillTest {
    private static final int T = 100;
    private static final int PER_MAP = 1200;
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = new EmberContext(new EmberConf(false).setMaster("local[2]").setAppName("spill")
                .set("ember.ui.showConsoleProgress", "false")
                .set("ember.shuffle.spill.numElementsForceSpillThreshold", String.valueOf(T)));
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static int spills(long records) {
        return (int) (records / T);
    }

    private static <T> List<List<T>> runPartitions(RDD<T> rdd) {
        int[] parts = new int[rdd.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        return ec.runJob(rdd, (ctx, it) -> Iterators.toList(it), parts);
    }

    private static <T> List<T> concat(List<List<T>> parts) {
        List<T> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    @Test
    void sortByKeySpillsInTheMapWriterAndTheReduceSorter() {
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 2 * PER_MAP; i++) {
            keys.add(i);
        }
        Collections.shuffle(keys, new Random(42));
        RDD<Tuple2<Integer, Integer>> pairs = new ParallelCollectionRDD<>(ec, keys, 2).map(k -> new Tuple2<>(k, 3 * k));
        RDD<Tuple2<Integer, Integer>> sorted = new PairRDDFunctions<>(pairs).sortByKey(Integer::compare, true, 2);
        long before = ec.diskBlockManager().spillFilesCreated();
        List<List<Tuple2<Integer, Integer>>> parts = runPartitions(sorted);
        long spilled = ec.diskBlockManager().spillFilesCreated() - before;

        List<Tuple2<Integer, Integer>> expected = new ArrayList<>();
        for (int k = 0; k < 2 * PER_MAP; k++) {
            expected.add(new Tuple2<>(k, 3 * k));
        }
        assertEquals(expected, concat(parts));
        int mapSide = 2 * spills(PER_MAP);
        int reduceSide = spills(parts.get(0).size()) + spills(parts.get(1).size());
        assertTrue(reduceSide >= 2, "both reduce partitions get enough records to spill: " + parts.get(0).size());
        assertEquals(mapSide + reduceSide, spilled, "map writer " + mapSide + " + reduce sorter " + reduceSide);
    }

    @Test
    void reduceByKeySpillsTheMapSideCombineAndTheReduceSideMerge() {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 2 * PER_MAP; i++) {
            data.add(i);
        }
        RDD<Tuple2<Integer, Long>> pairs = new ParallelCollectionRDD<>(ec, data, 2).map(i -> new Tuple2<>(i % 50, (long) i));
        RDD<Tuple2<Integer, Long>> sums = new PairRDDFunctions<>(pairs).reduceByKey(Long::sum, 2);
        long before = ec.diskBlockManager().spillFilesCreated();
        Map<Integer, Long> got = new TreeMap<>(new PairRDDFunctions<>(sums).collectAsMap());
        long spilled = ec.diskBlockManager().spillFilesCreated() - before;

        Map<Integer, Long> expected = new TreeMap<>();
        for (int i : data) {
            expected.merge(i % 50, (long) i, Long::sum);
        }
        assertEquals(expected, got);
        // Each map task's combine map spills every 100 records; 100 consecutive numbers hold all
        // 50 keys, so each spill emits 50 combiners, 25 per reduce partition (keys by parity).
        int mapSpills = spills(PER_MAP);
        int mapSide = 2 * mapSpills;
        long perReduce = 2L * mapSpills * 25;
        int reduceSide = 2 * spills(perReduce);
        assertEquals(mapSide + reduceSide, spilled, "map-side combine " + mapSide + " + reduce merge " + reduceSide);
    }

    @Test
    void groupByKeySpillsTheMapWriterAndTheReduceSideMap() {
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 2 * PER_MAP; i++) {
            data.add(i);
        }
        HashPartitioner part = new HashPartitioner(2);
        RDD<Tuple2<Integer, Integer>> pairs = new ParallelCollectionRDD<>(ec, data, 2).map(i -> new Tuple2<>(i % 37, i));
        RDD<Tuple2<Integer, Iterable<Integer>>> grouped = new PairRDDFunctions<>(pairs).groupByKey(part);
        long before = ec.diskBlockManager().spillFilesCreated();
        Map<Integer, List<Integer>> got = new TreeMap<>();
        for (Tuple2<Integer, Iterable<Integer>> t : grouped.collect()) {
            List<Integer> values = new ArrayList<>();
            t._2().forEach(values::add);
            Collections.sort(values);
            assertTrue(got.put(t._1(), values) == null, "key " + t._1() + " appears once");
        }
        long spilled = ec.diskBlockManager().spillFilesCreated() - before;

        Map<Integer, List<Integer>> expected = new TreeMap<>();
        long[] perReduce = new long[2];
        for (int i : data) {
            expected.computeIfAbsent(i % 37, k -> new ArrayList<>()).add(i);
            perReduce[part.getPartition(i % 37)]++;
        }
        assertEquals(expected, got);
        int mapSide = 2 * spills(PER_MAP);
        int reduceSide = spills(perReduce[0]) + spills(perReduce[1]);
        assertEquals(mapSide + reduceSide, spilled, "map writer " + mapSide + " + reduce map " + reduceSide);
    }

    @Test
    void joinSpillsBothMapWritersAndTheCoGroupMap() {
        List<Integer> leftData = new ArrayList<>();
        for (int i = 0; i < 2 * PER_MAP; i++) {
            leftData.add(i);
        }
        List<Integer> rightData = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rightData.add(i);
        }
        HashPartitioner part = new HashPartitioner(2);
        RDD<Tuple2<Integer, String>> left = new ParallelCollectionRDD<>(ec, leftData, 2).map(i -> new Tuple2<>(i % 300, "L" + i));
        RDD<Tuple2<Integer, String>> right = new ParallelCollectionRDD<>(ec, rightData, 2).map(i -> new Tuple2<>(i % 400, "R" + i));
        RDD<Tuple2<Integer, Tuple2<String, String>>> joined = new PairRDDFunctions<>(left).join(right, part);
        long before = ec.diskBlockManager().spillFilesCreated();
        List<String> got = new ArrayList<>();
        for (Tuple2<Integer, Tuple2<String, String>> t : joined.collect()) {
            got.add(t._1() + ":" + t._2()._1() + ":" + t._2()._2());
        }
        long spilled = ec.diskBlockManager().spillFilesCreated() - before;

        List<String> expected = new ArrayList<>();
        long[] perReduce = new long[2];
        for (int l : leftData) {
            perReduce[part.getPartition(l % 300)]++;
            for (int r : rightData) {
                if (l % 300 == r % 400) {
                    expected.add(l % 300 + ":L" + l + ":R" + r);
                }
            }
        }
        for (int r : rightData) {
            perReduce[part.getPartition(r % 400)]++;
        }
        Collections.sort(got);
        Collections.sort(expected);
        assertEquals(4000, expected.size());
        assertEquals(expected, got);
        int mapSide = 2 * spills(PER_MAP) + 2 * spills(300);
        int reduceSide = spills(perReduce[0]) + spills(perReduce[1]);
        assertEquals(mapSide + reduceSide, spilled, "map writers " + mapSide + " + cogroup map " + reduceSide);
    }

    @Test
    void spilledRunsMergeKeysWhoseHashesCollide() {
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB");
        assertEquals(colliding.get(0).hashCode(), colliding.get(3).hashCode());
        List<Integer> data = new ArrayList<>();
        for (int i = 0; i < 2 * PER_MAP; i++) {
            data.add(i);
        }
        RDD<Tuple2<String, Integer>> pairs = new ParallelCollectionRDD<>(ec, data, 2)
                .map(i -> new Tuple2<>(colliding.get((i / 7) % colliding.size()), 1));
        long before = ec.diskBlockManager().spillFilesCreated();
        RDD<Tuple2<String, Iterable<Integer>>> grouped = new PairRDDFunctions<>(pairs).groupByKey(1);
        RDD<Tuple2<String, Integer>> counts = new PairRDDFunctions<>(grouped).mapValues(it -> {
            int n = 0;
            for (int ignored : it) {
                n++;
            }
            return n;
        });
        Map<String, Integer> got = new TreeMap<>(new PairRDDFunctions<>(counts).collectAsMap());
        assertTrue(ec.diskBlockManager().spillFilesCreated() - before > 2 * spills(PER_MAP), "the reduce side spilled");
        Map<String, Integer> expected = new TreeMap<>();
        for (int i : data) {
            expected.merge(colliding.get((i / 7) % colliding.size()), 1, Integer::sum);
        }
        assertEquals(expected, got);
    }
}
