package io.ember.rdd;

import io.ember.core.Tuple2;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Statistics over an RDD of numbers, each computed by one job. Values are taken as
 * {@code doubleValue()}.
 */
public final class DoubleRDDFunctions {
    private final RDD<? extends Number> rdd;

    public DoubleRDDFunctions(RDD<? extends Number> rdd) {
        this.rdd = rdd;
    }

    /** The sum, added left to right within partitions and then across them. */
    public double sum() {
        double total = 0;
        for (double s : runJob(rdd, DoubleRDDFunctions::partitionSum)) {
            total += s;
        }
        return total;
    }

    /** Count, mean, variance, min and max in one pass. */
    public StatCounter stats() {
        StatCounter all = new StatCounter();
        for (StatCounter s : runJob(rdd, DoubleRDDFunctions::partitionStats)) {
            all.merge(s);
        }
        return all;
    }

    public double mean() {
        return stats().mean();
    }

    public double variance() {
        return stats().variance();
    }

    public double sampleVariance() {
        return stats().sampleVariance();
    }

    public double stdev() {
        return stats().stdev();
    }

    public double sampleStdev() {
        return stats().sampleStdev();
    }

    /**
     * Counts in {@code buckets} evenly spaced buckets between the min and the max (one bucket
     * when they are equal); returns the bucket edges and the counts.
     *
     * @throws UnsupportedOperationException when the RDD is empty or holds NaN or infinities
     */
    public Tuple2<double[], long[]> histogram(int buckets) {
        if (buckets < 1) {
            throw new IllegalArgumentException("Number of buckets must be at least 1, got " + buckets);
        }
        StatCounter s = stats();
        if (s.count() == 0 || Double.isNaN(s.min()) || Double.isNaN(s.max()) || Double.isInfinite(s.min())
                || Double.isInfinite(s.max())) {
            throw new UnsupportedOperationException(
                    "Histogram on either an empty RDD or RDD containing +/-infinity or NaN");
        }
        if (Double.isInfinite(s.max() - s.min())) {
            throw new UnsupportedOperationException("Cannot generate histogram buckets with an infinite span");
        }
        double[] edges = evenEdges(s.min(), s.max(), buckets);
        return new Tuple2<>(edges, count(edges));
    }

    /**
     * Counts per bucket for sorted, distinct bucket edges: bucket i is [edges[i], edges[i+1]),
     * the last one closed; values outside the edges (and NaN) are ignored.
     */
    public long[] histogram(double[] edges) {
        checkEdges(edges);
        return count(edges.clone());
    }

    private long[] count(double[] e) {
        long[] total = new long[e.length - 1];
        for (long[] part : runJob(rdd, (ctx, it) -> partitionHistogram(it, e))) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    static void checkEdges(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("Histogram needs at least two bucket edges, got " + edges.length);
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i - 1] < edges[i])) {
                throw new IllegalArgumentException("Histogram bucket edges must be sorted, distinct and not NaN: "
                        + Arrays.toString(edges));
            }
        }
    }

    /** {@code n + 1} edges from min to max in equal steps, the last exactly max; [min, min] when equal. */
    static double[] evenEdges(double min, double max, int n) {
        if (min == max) {
            return new double[] {min, max};
        }
        double[] edges = new double[n + 1];
        for (int i = 0; i < n; i++) {
            edges[i] = min + i * (max - min) / n;
        }
        edges[n] = max;
        return edges;
    }

    /**
     * The bucket of {@code x}, or -1 when it is outside the edges or NaN (the last bucket is
     * closed). Also right for the single bucket [v, v].
     */
    static int bucket(double[] edges, double x) {
        int i = Arrays.binarySearch(edges, x == 0 ? 0.0 : x); // binarySearch orders -0.0 below 0.0
        int last = edges.length - 2;
        if (i >= 0) {
            return Math.min(i, last);
        }
        int insertion = -i - 1;
        return insertion == 0 || insertion == edges.length ? -1 : insertion - 1;
    }

    private static long[] partitionHistogram(Iterator<? extends Number> it, double[] edges) {
        long[] counts = new long[edges.length - 1];
        while (it.hasNext()) {
            int b = bucket(edges, it.next().doubleValue());
            if (b >= 0) {
                counts[b]++;
            }
        }
        return counts;
    }

    private static double partitionSum(TaskContext ctx, Iterator<? extends Number> it) {
        double s = 0;
        while (it.hasNext()) {
            s += it.next().doubleValue();
        }
        return s;
    }

    private static StatCounter partitionStats(TaskContext ctx, Iterator<? extends Number> it) {
        StatCounter s = new StatCounter();
        while (it.hasNext()) {
            s.merge(it.next().doubleValue());
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static <U> List<U> runJob(RDD<? extends Number> rdd, TaskFunction<Number, U> f) {
        return ((RDD<Number>) rdd).runJob(f);
    }
}
