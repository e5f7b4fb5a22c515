package io.ember.rdd;

import java.io.Serializable;

/**
 * Count, mean, variance, min and max of a stream of doubles in one pass, numerically stable:
 * values merge by Welford's update and counters by Chan's parallel formula, so per-partition
 * counters can be combined on the driver. Not thread-safe.
 */
public final class StatCounter implements Serializable {
    private long n;
    private double mu;
    private double m2; // sum of squared deviations from the mean
    private double sum;
    private double max = Double.NEGATIVE_INFINITY;
    private double min = Double.POSITIVE_INFINITY;

    public StatCounter() {}

    public StatCounter(double... values) {
        for (double v : values) {
            merge(v);
        }
    }

    public StatCounter merge(double value) {
        n++;
        double delta = value - mu;
        mu += delta / n;
        m2 += delta * (value - mu);
        sum += value;
        max = Math.max(max, value);
        min = Math.min(min, value);
        return this;
    }

    public StatCounter merge(StatCounter other) {
        if (other == this) {
            return merge(other.copy());
        }
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            n = other.n;
            mu = other.mu;
            m2 = other.m2;
            sum = other.sum;
            max = other.max;
            min = other.min;
            return this;
        }
        long total = n + other.n;
        double delta = other.mu - mu;
        if (other.n * 10 < n) {
            mu += delta * other.n / total;
        } else if (n * 10 < other.n) {
            mu = other.mu - delta * n / total;
        } else {
            mu = (mu * n + other.mu * other.n) / total;
        }
        m2 += other.m2 + delta * delta * n * other.n / total;
        n = total;
        sum += other.sum;
        max = Math.max(max, other.max);
        min = Math.min(min, other.min);
        return this;
    }

    public StatCounter copy() {
        StatCounter c = new StatCounter();
        c.n = n;
        c.mu = mu;
        c.m2 = m2;
        c.sum = sum;
        c.max = max;
        c.min = min;
        return c;
    }

    public long count() {
        return n;
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return n == 0 ? Double.NaN : mu;
    }

    /** The sum of the values, accumulated directly (exact for integral values below 2^53). */
    public double sum() {
        return sum;
    }

    /** The largest value; -Infinity when empty. */
    public double max() {
        return max;
    }

    /** The smallest value; +Infinity when empty. */
    public double min() {
        return min;
    }

    /** The population variance (divides by n); NaN when empty. */
    public double variance() {
        return n == 0 ? Double.NaN : m2 / n;
    }

    /** The sample variance (divides by n - 1); NaN with fewer than two values. */
    public double sampleVariance() {
        return n <= 1 ? Double.NaN : m2 / (n - 1);
    }

    public double stdev() {
        return Math.sqrt(variance());
    }

    public double sampleStdev() {
        return Math.sqrt(sampleVariance());
    }

    @Override
    public String toString() {
        return "(count: " + n + ", mean: " + mean() + ", stdev: " + stdev() + ", max: " + max + ", min: " + min + ")";
    }
}
