package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.Tuple2;
import io.ember.serializer.ClosureSerializer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Source RDDs and narrow transformations that compute without a running context. */
class SourceRDDsTest {
    private final RDDContext ctx = new TestingIdContext();

    private static List<Integer> ints(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void parallelizeSlicesContiguouslyAndEvenly() {
        var rdd = new ParallelCollectionRDD<>(ctx, ints(10), 3);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9)),
                TestingIdContext.computePartitions(rdd));
        var empty = new ParallelCollectionRDD<>(ctx, List.<Integer>of(), 2);
        assertEquals(List.of(List.of(), List.of()), TestingIdContext.computePartitions(empty));
        assertThrows(IllegalArgumentException.class, () -> new ParallelCollectionRDD<>(ctx, ints(3), 0));
    }

    @Test
    void slicesSerializeWithTheirPartition() {
        var rdd = new ParallelCollectionRDD<>(ctx, new ArrayList<>(ints(5)), 2);
        byte[] bytes = ClosureSerializer.serialize(rdd.partitions()[1], "partition");
        var back = (ParallelCollectionRDD.SlicePartition<?>) ClosureSerializer.deserialize(bytes,
                getClass().getClassLoader());
        assertEquals(List.of(2, 3, 4), back.values());
    }

    @Test
    void rangeMatchesPythonRange() {
        long[][] cases = {{0, 10, 1}, {0, 10, 3}, {10, 0, -3}, {5, 5, 1}, {5, 0, 1}, {-7, 8, 2}, {0, 1, 5}};
        for (long[] c : cases) {
            for (int slices : new int[] {1, 2, 3, 7}) {
                List<Long> want = new ArrayList<>();
                for (long v = c[0]; c[2] > 0 ? v < c[1] : v > c[1]; v += c[2]) {
                    want.add(v);
                }
                RangeRDD rdd = new RangeRDD(ctx, c[0], c[1], c[2], slices);
                assertEquals(slices, rdd.getNumPartitions());
                assertEquals(want, TestingIdContext.computeAll(rdd), java.util.Arrays.toString(c) + " / " + slices);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new RangeRDD(ctx, 0, 1, 0, 1));
    }

    @Test
    void rangeAtTheLimitsOfLong() {
        assertEquals(2, RangeRDD.size(Long.MAX_VALUE - 2, Long.MAX_VALUE, 1));
        assertEquals(List.of(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1),
                TestingIdContext.computeAll(new RangeRDD(ctx, Long.MAX_VALUE - 2, Long.MAX_VALUE, 1, 2)));
        assertEquals(List.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE - 1),
                TestingIdContext.computeAll(new RangeRDD(ctx, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 2)));
        RangeRDD huge = new RangeRDD(ctx, 0, Long.MAX_VALUE, 1, 4);
        RangeRDD.RangePartition last = (RangeRDD.RangePartition) huge.partitions()[3];
        assertEquals(Long.MAX_VALUE, last.first() + last.count());
    }

    @Test
    void emptyRddHasNoPartitions() {
        assertEquals(0, new EmptyRDD<String>(ctx).getNumPartitions());
    }

    @Test
    void cartesianPairsEveryElement() {
        var a = new ParallelCollectionRDD<>(ctx, List.of(1, 2, 3), 2);
        var b = new ParallelCollectionRDD<>(ctx, List.of("x", "y"), 2);
        var c = new CartesianRDD<>(a, b);
        assertEquals(4, c.getNumPartitions());
        assertEquals(List.of(new Tuple2<>(1, "x"), new Tuple2<>(1, "y"), new Tuple2<>(2, "x"), new Tuple2<>(3, "x"),
                new Tuple2<>(2, "y"), new Tuple2<>(3, "y")), TestingIdContext.computeAll(c));
        NarrowDependency<?> left = (NarrowDependency<?>) c.dependencies().get(0);
        NarrowDependency<?> right = (NarrowDependency<?>) c.dependencies().get(1);
        assertEquals(List.of(1), left.parents(3));
        assertEquals(List.of(1), right.parents(3));
        assertEquals(List.of(1), left.parents(2));
        assertEquals(List.of(0), right.parents(2));
        var withNulls = new CartesianRDD<>(new ParallelCollectionRDD<>(ctx, java.util.Arrays.asList(null, "n"), 1),
                new ParallelCollectionRDD<>(ctx, List.of(0), 1));
        assertEquals(2, TestingIdContext.computeAll(withNulls).size());
    }

    @Test
    void sampleIsDeterministicForASeed() {
        var rdd = new ParallelCollectionRDD<>(ctx, ints(10_000), 4);
        List<Integer> a = TestingIdContext.computeAll(Sampling.sample(rdd, false, 0.1, 7));
        List<Integer> b = TestingIdContext.computeAll(Sampling.sample(rdd, false, 0.1, 7));
        List<Integer> c = TestingIdContext.computeAll(Sampling.sample(rdd, false, 0.1, 8));
        assertEquals(a, b);
        assertTrue(!a.equals(c));
        assertTrue(a.size() > 850 && a.size() < 1150, "size " + a.size());
        assertEquals(new HashSet<>(a).size(), a.size());
        List<Integer> r = TestingIdContext.computeAll(Sampling.sample(rdd, true, 2.0, 7));
        assertTrue(r.size() > 19_000 && r.size() < 21_000, "size " + r.size());
        assertEquals(List.of(), TestingIdContext.computeAll(Sampling.sample(rdd, false, 0, 7)));
        assertEquals(10_000, TestingIdContext.computeAll(Sampling.sample(rdd, false, 1, 7)).size());
        assertThrows(IllegalArgumentException.class, () -> Sampling.sample(rdd, false, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.sample(rdd, true, -0.5, 1));
    }

    @Test
    void randomSplitsAreDisjointAndCoverEverything() {
        var rdd = new ParallelCollectionRDD<>(ctx, ints(5_000), 3);
        List<RDD<Integer>> splits = Sampling.randomSplit(rdd, new double[] {1, 2, 7}, 11);
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        List<Integer> sizes = new ArrayList<>();
        for (RDD<Integer> s : splits) {
            List<Integer> part = TestingIdContext.computeAll(s);
            sizes.add(part.size());
            total += part.size();
            seen.addAll(part);
        }
        assertEquals(5_000, total);
        assertEquals(5_000, seen.size());
        assertTrue(sizes.get(0) > 400 && sizes.get(0) < 600, sizes.toString());
        assertTrue(sizes.get(2) > 3300 && sizes.get(2) < 3700, sizes.toString());
        assertThrows(IllegalArgumentException.class, () -> Sampling.randomSplit(rdd, new double[] {0, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> Sampling.randomSplit(rdd, new double[] {1, -1}, 1));
    }

    @Test
    void poissonDrawsHaveTheRightMean() {
        SplittableRandom rng = new SplittableRandom(3);
        for (double mean : new double[] {0.0, 0.3, 1.0, 5.0, 40.0}) {
            long sum = LongStream.range(0, 20_000).map(i -> Sampling.poissonDraw(mean, rng)).sum();
            assertEquals(mean, sum / 20_000.0, 0.05 + mean * 0.03, "mean " + mean);
        }
    }

    @Test
    void sampleSizeFractionsLeaveHeadroom() {
        assertTrue(Sampling.fractionForSampleSize(10, 1000, false) > 0.01);
        assertTrue(Sampling.fractionForSampleSize(10, 1000, false) <= 1);
        assertTrue(Sampling.fractionForSampleSize(10, 1000, true) > 0.01);
        assertTrue(Sampling.fractionForSampleSize(100, 10, true) > 10);
    }

    @Test
    void wholeTextFilesGroupsAtMostMinPartitionsNonEmpty() {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(java.nio.file.Path.of("/f" + i));
        }
        var groups = WholeTextFilesRDD.group(files, new long[] {10, 10, 10, 10, 10}, 2);
        assertEquals(2, groups.size());
        assertEquals(List.of("/f0", "/f1", "/f2"), groups.get(0).paths());
        assertEquals(List.of("/f3", "/f4"), groups.get(1).paths());
        assertEquals(5, WholeTextFilesRDD.group(files, new long[5], 9).size());
        assertEquals(2, WholeTextFilesRDD.group(files, new long[] {100, 0, 0, 0, 0}, 3).size());
        assertEquals(0, WholeTextFilesRDD.group(List.of(), new long[0], 3).size());
    }
}
