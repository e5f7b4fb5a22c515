package io.ember.api;

import static io.ember.api.JavaApiAsserts.assertSameElements;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.core.Tuple2;
import io.ember.rdd.StatCounter;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JavaDoubleRDD statistics and basic operations against the same computation in plain Java. */
class JavaDoubleRDDTest {
    private static final double EPS = 1e-9;
    private static final List<Double> DATA = gaussians(1000);
    private static EmberContext ec;

    @BeforeAll
    static void start() {
        ec = JavaApiAsserts.localContext("JavaDoubleRDDTest");
    }

    @AfterAll
    static void stop() {
        ec.stop();
    }

    private static List<Double> gaussians(int n) {
        Random r = new Random(5);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Math.round((10 + 3 * r.nextGaussian()) * 100) / 100.0);
        }
        return out;
    }

    private static JavaDoubleRDD data() {
        return ec.parallelizeDoubles(DATA, 4);
    }

    @Test
    void statisticsMatchTwoPassFormulas() {
        int n = DATA.size();
        double sum = 0;
        for (double x : DATA) {
            sum += x;
        }
        double mean = sum / n;
        double m2 = 0;
        for (double x : DATA) {
            m2 += (x - mean) * (x - mean);
        }
        JavaDoubleRDD d = data();
        assertEquals(sum, d.sum(), EPS * n);
        assertEquals(mean, d.mean(), EPS);
        assertEquals(m2 / n, d.variance(), EPS);
        assertEquals(m2 / n, d.popVariance(), EPS);
        assertEquals(m2 / (n - 1), d.sampleVariance(), EPS);
        assertEquals(Math.sqrt(m2 / n), d.stdev(), EPS);
        assertEquals(Math.sqrt(m2 / n), d.popStdev(), EPS);
        assertEquals(Math.sqrt(m2 / (n - 1)), d.sampleStdev(), EPS);
        StatCounter s = d.stats();
        assertEquals(n, s.count());
        assertEquals(mean, s.mean(), EPS);
        double max = DATA.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = DATA.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(max, s.max());
        assertEquals(min, s.min());
        assertEquals(max, d.max());
        assertEquals(min, d.min());
        assertEquals(0.0, ec.parallelizeDoubles(List.of(), 2).sum());
        assertTrue(Double.isNaN(ec.parallelizeDoubles(List.of(), 2).mean()));
    }

    @Test
    void histogramsMatchCountingInJava() {
        Tuple2<double[], long[]> h = data().histogram(5);
        double min = DATA.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = DATA.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double[] edges = h._1();
        assertEquals(6, edges.length);
        assertEquals(min, edges[0]);
        assertEquals(max, edges[5]);
        assertArrayEquals(count(edges), h._2());
        double[] custom = {0, 5, 10, 12.5, 15};
        assertArrayEquals(count(custom), data().histogram(custom));
        assertArrayEquals(new long[] {1, 0, 2}, ec.parallelizeDoubles(List.of(1.0, 3.0, 3.0, 9.0), 2)
                .histogram(new double[] {0, 2, 2.5, 3}), "last bucket closed, values outside ignored");
        assertThrows(UnsupportedOperationException.class, () -> ec.parallelizeDoubles(List.of(), 1).histogram(3));
        assertThrows(IllegalArgumentException.class, () -> data().histogram(new double[] {3, 1}));
    }

    /** Bucket counts: [e_i, e_i+1), the last bucket closed. */
    private static long[] count(double[] edges) {
        long[] counts = new long[edges.length - 1];
        for (double x : DATA) {
            for (int i = 0; i < counts.length; i++) {
                boolean last = i == counts.length - 1;
                if (x >= edges[i] && (x < edges[i + 1] || (last && x == edges[i + 1]))) {
                    counts[i]++;
                    break;
                }
            }
        }
        return counts;
    }

    @Test
    void basicOperationsStayDoubleRDDs() {
        JavaDoubleRDD big = data().filter(x -> x > 10);
        List<Double> expected = DATA.stream().filter(x -> x > 10).toList();
        assertEquals(expected, big.collect());
        assertEquals(expected.stream().mapToDouble(Double::doubleValue).sum(), big.sum(), 1e-6);
        assertEquals(new HashSet<>(DATA), new HashSet<>(data().distinct().collect()));
        List<Double> twice = new ArrayList<>(DATA);
        twice.addAll(DATA);
        assertEquals(twice, data().union(data()).collect());
        assertEquals(2 * data().sum(), data().union(data()).sum(), 1e-6);
        JavaDoubleRDD cached = data().cache();
        assertEquals(StorageLevel.MEMORY_ONLY, cached.getStorageLevel());
        assertEquals(DATA.size(), cached.count());
        assertEquals(2, data().coalesce(2).getNumPartitions());
        assertSameElements(DATA, data().repartition(3).collect());
        assertTrue(DATA.containsAll(data().sample(false, 0.2, 1).collect()));
        assertEquals(DATA, data().srdd().collect());
        assertEquals(DATA, data().toJavaRDD().collect());
        assertEquals(DATA.stream().map(x -> x * 2).toList(), data().map(x -> x * 2).collect());
        assertEquals(DATA.get(0), data().first());
        assertEquals(DATA.stream().mapToDouble(Double::doubleValue).sum(),
                JavaDoubleRDD.fromRDD(data().rdd()).reduce(Double::sum), 1e-6);
    }
}
