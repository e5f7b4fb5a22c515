package io.ember.api;

import io.ember.core.Tuple2;
import io.ember.rdd.DoubleRDDFunctions;
import io.ember.rdd.RDD;
import io.ember.rdd.StatCounter;

/**
 * The Java API's RDD of doubles: everything of {@link JavaRDDLike} (transformations keeping the
 * element type stay double RDDs) plus the statistics of {@link DoubleRDDFunctions}, each computed
 * by one job. Elements are boxed {@link Double}s; a null element fails the statistics.
 */
public final class JavaDoubleRDD extends JavaRDDLike<Double, JavaDoubleRDD> {

    /** Wraps an engine RDD of doubles. */
    public JavaDoubleRDD(RDD<Double> rdd) {
        super(rdd);
    }

    /** Wraps an engine RDD of doubles (Spark's spelling). */
    public static JavaDoubleRDD fromRDD(RDD<Double> rdd) {
        return new JavaDoubleRDD(rdd);
    }

    @Override
    protected JavaDoubleRDD wrap(RDD<Double> rdd) {
        return rdd == rdd() ? this : new JavaDoubleRDD(rdd);
    }

    private DoubleRDDFunctions doubles() {
        return new DoubleRDDFunctions(rdd());
    }

    /** The engine RDD (Spark's name for the typed RDD of a JavaDoubleRDD). */
    public RDD<Double> srdd() {
        return rdd();
    }

    /** This RDD as a plain JavaRDD of doubles. */
    public JavaRDD<Double> toJavaRDD() {
        return new JavaRDD<>(rdd());
    }

    /** The sum (0 when empty). */
    public double sum() {
        return doubles().sum();
    }

    /** Count, mean, variance, min and max in one pass. */
    public StatCounter stats() {
        return doubles().stats();
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return doubles().mean();
    }

    /** The population variance (divides by n). */
    public double variance() {
        return doubles().variance();
    }

    /** The population variance (Spark's alias of variance). */
    public double popVariance() {
        return variance();
    }

    /** The sample variance (divides by n - 1). */
    public double sampleVariance() {
        return doubles().sampleVariance();
    }

    /** The population standard deviation. */
    public double stdev() {
        return doubles().stdev();
    }

    /** The population standard deviation (Spark's alias of stdev). */
    public double popStdev() {
        return stdev();
    }

    /** The sample standard deviation. */
    public double sampleStdev() {
        return doubles().sampleStdev();
    }

    /** The largest element; fails on an empty RDD. */
    public Double max() {
        return max(Double::compare);
    }

    /** The smallest element; fails on an empty RDD. */
    public Double min() {
        return min(Double::compare);
    }

    /**
     * Counts in {@code buckets} evenly spaced buckets between the min and the max; returns the
     * bucket edges and the counts. Fails on an empty RDD or one holding NaN or infinities.
     */
    public Tuple2<double[], long[]> histogram(int buckets) {
        return doubles().histogram(buckets);
    }

    /**
     * Counts per bucket for sorted, distinct edges: bucket i is [edges[i], edges[i+1]), the last
     * one closed; values outside the edges are ignored.
     */
    public long[] histogram(double[] edges) {
        return doubles().histogram(edges);
    }
}
