package io.ember.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.Tuple2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context's RDD-creating methods return Java wrappers over the right engine RDDs. */
class EmberContextJavaTest {
    private static EmberContext ec;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("EmberContextJavaTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    @Test
    void parallelizeVariants() {
        List<Integer> data = List.of(5, 3, 8, 1, 9, 2, 7);
        JavaRDD<Integer> rdd = ec.parallelize(data, 3);
        assertEquals(3, rdd.getNumPartitions());
        assertEquals(data, rdd.collect());
        assertEquals(ec.defaultParallelism(), ec.parallelize(data).getNumPartitions());
        assertEquals(2, ec.defaultParallelism(), "local[2]");
        List<Tuple2<String, Integer>> pairs = List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2), new Tuple2<>("a", 3));
        JavaPairRDD<String, Integer> p = ec.parallelizePairs(pairs, 2);
        assertEquals(pairs, p.collect());
        assertEquals(Map.of("a", 4, "b", 2), p.reduceByKey(Integer::sum).collectAsMap());
        assertEquals(pairs, ec.parallelizePairs(pairs).collect());
        assertEquals(6.0, ec.parallelizeDoubles(List.of(1.0, 2.0, 3.0)).sum());
        assertEquals(2, ec.parallelizeDoubles(List.of(1.0, 2.0, 3.0), 2).getNumPartitions());
    }

    @Test
    void rangeAndEmpty() {
        assertEquals(LongStream.range(3, 40).boxed().toList(), ec.range(3, 40).collect());
        assertEquals(LongStream.range(0, 100).filter(x -> x % 7 == 0).boxed().toList(), ec.range(0, 100, 7, 3).collect());
        assertEquals(3, ec.range(0, 100, 7, 3).getNumPartitions());
        JavaRDD<String> empty = ec.emptyRDD();
        assertEquals(0, empty.count());
        assertEquals(0, empty.getNumPartitions());
        assertTrue(empty.isEmpty());
    }

    @Test
    void filesRoundTrip() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "one\ntwo\n");
        Files.writeString(dir.resolve("b.txt"), "three\n");
        List<String> lines = ec.textFile(dir.toString()).collect();
        assertEquals(List.of("one", "two", "three"), lines);
        assertEquals(List.of("one", "two"), ec.textFile(dir.resolve("a.txt").toString(), 3).collect());
        Map<String, String> whole = ec.wholeTextFiles(dir.toString()).collectAsMap();
        assertEquals(2, whole.size());
        Map<String, String> byName = whole.entrySet().stream()
                .collect(Collectors.toMap(e -> Path.of(e.getKey().replace("file:", "")).getFileName().toString(),
                        Map.Entry::getValue));
        assertEquals(Map.of("a.txt", "one\ntwo\n", "b.txt", "three\n"), byName);
        assertEquals(1, ec.wholeTextFiles(dir.toString(), 1).getNumPartitions());
        String objects = tmp.resolve("objects").toString();
        ec.parallelize(List.of(List.of(1, 2), List.of(3)), 2).saveAsObjectFile(objects);
        JavaRDD<List<Integer>> back = ec.objectFile(objects);
        assertEquals(List.of(List.of(1, 2), List.of(3)), back.collect());
    }

    @Test
    void unionOfManyRDDs() {
        List<JavaRDD<Integer>> parts = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Integer> chunk = List.of(i * 10, i * 10 + 1);
            parts.add(ec.parallelize(chunk, 1 + i % 2));
            expected.addAll(chunk);
        }
        JavaRDD<Integer> all = ec.union(parts);
        assertEquals(expected, all.collect());
        assertEquals(6, all.getNumPartitions());
        assertEquals(0, ec.union(new ArrayList<JavaRDD<Integer>>()).count());
        assertEquals(List.of(1, 2, 3), ec.union(ec.parallelize(List.of(1)), ec.parallelize(List.of(2, 3))).collect());
    }
}
