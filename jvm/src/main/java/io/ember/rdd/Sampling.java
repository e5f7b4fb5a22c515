package io.ember.rdd;

import io.ember.core.EmberException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random sampling of RDDs. Each partition draws from its own generator seeded by
 * {@link #partitionSeed}(seed, index), so a seed gives the same result on every run (given the
 * parent yields the same elements in the same order).
 */
final class Sampling {
    private static final Logger LOG = LoggerFactory.getLogger(Sampling.class);

    private Sampling() {}

    /**
     * Without replacement each element is kept with probability {@code fraction} (in [0, 1]);
     * with replacement it appears Poisson({@code fraction}) times.
     */
    static <T> RDD<T> sample(RDD<T> rdd, boolean withReplacement, double fraction, long seed) {
        if (!(fraction >= 0)) {
            throw new IllegalArgumentException("Fraction must be nonnegative, but got " + fraction);
        }
        if (!withReplacement && fraction > 1) {
            throw new IllegalArgumentException("Fraction must be at most 1 when sampling without replacement, but got "
                    + fraction);
        }
        return new MapPartitionsRDD<T, T>(rdd, (index, it) -> {
            SplittableRandom rng = new SplittableRandom(partitionSeed(seed, index));
            return withReplacement ? poisson(it, fraction, rng) : Iterators.filter(it, x -> rng.nextDouble() < fraction);
        }, true);
    }

    /**
     * Disjoint splits covering the RDD: each element draws one uniform number per partition
     * generator, and split i keeps it when the draw falls in [lo_i, hi_i) of the normalized
     * cumulative weights.
     */
    static <T> List<RDD<T>> randomSplit(RDD<T> rdd, double[] weights, long seed) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0)) {
                throw new IllegalArgumentException("Weights must be nonnegative, but got " + w);
            }
            total += w;
        }
        if (!(total > 0) || Double.isInfinite(total)) {
            throw new IllegalArgumentException("Sum of weights must be positive and finite, but got " + total);
        }
        List<RDD<T>> splits = new ArrayList<>();
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            double lo = cumulative / total;
            cumulative += weights[i];
            double hi = i == weights.length - 1 ? 1.0 : cumulative / total;
            splits.add(rdd.from(new MapPartitionsRDD<T, T>(rdd, (index, it) -> {
                SplittableRandom rng = new SplittableRandom(partitionSeed(seed, index));
                return Iterators.filter(it, x -> {
                    double u = rng.nextDouble();
                    return u >= lo && u < hi;
                });
            }, true), "randomSplit"));
        }
        return splits;
    }

    /**
     * Exactly {@code num} elements (fewer if the RDD is smaller and sampling is without
     * replacement), in random order: samples with a fraction that yields enough with high
     * probability, retrying with a new seed when it does not.
     */
    static <T> List<T> takeSample(RDD<T> rdd, boolean withReplacement, int num, long seed) {
        if (num < 0) {
            throw new IllegalArgumentException("Negative number of elements requested: " + num);
        }
        if (num == 0) {
            return new ArrayList<>();
        }
        long count = rdd.count();
        if (count == 0) {
            return new ArrayList<>();
        }
        Random rand = new Random(seed);
        if (!withReplacement && num >= count) {
            List<T> all = new ArrayList<>(rdd.collect());
            Collections.shuffle(all, rand);
            return all;
        }
        double fraction = fractionForSampleSize(num, count, withReplacement);
        List<T> samples = sample(rdd, withReplacement, fraction, rand.nextLong()).collect();
        int attempts = 1;
        while (samples.size() < num) {
            if (attempts == 100) {
                throw new EmberException("takeSample could not draw " + num + " of " + count
                        + " elements after " + attempts + " attempts");
            }
            LOG.warn("Needed to re-sample due to insufficient sample size (attempt {})", attempts);
            samples = sample(rdd, withReplacement, fraction, rand.nextLong()).collect();
            attempts++;
        }
        List<T> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, rand);
        return new ArrayList<>(shuffled.subList(0, num));
    }

    /**
     * A sampling fraction that yields at least {@code num} of {@code total} elements with
     * probability about 0.9999: a Poisson upper bound with replacement, a binomial (Chernoff)
     * bound without.
     */
    static double fractionForSampleSize(int num, long total, boolean withReplacement) {
        if (withReplacement) {
            double sd = num < 6 ? 12.0 : num < 16 ? 9.0 : 6.0;
            return Math.max(num + sd * Math.sqrt(num), 1e-10) / total;
        }
        double fraction = (double) num / total;
        double gamma = -Math.log(1e-4) / total;
        return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
    }

    /** Mixes the user's seed with the partition index (SplitMix64 finalizer) into a generator seed. */
    static long partitionSeed(long seed, int partitionIndex) {
        long z = seed + (partitionIndex + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Each element repeated Poisson(mean) times. */
    private static <T> Iterator<T> poisson(Iterator<T> it, double mean, SplittableRandom rng) {
        return new Iterator<>() {
            private T current;
            private int remaining;

            @Override
            public boolean hasNext() {
                while (remaining == 0) {
                    if (!it.hasNext()) {
                        return false;
                    }
                    current = it.next();
                    remaining = poissonDraw(mean, rng);
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                remaining--;
                return current;
            }
        };
    }

    /** Knuth's multiplication method, in chunks of mean 16 so exp(-mean) never underflows. */
    static int poissonDraw(double mean, SplittableRandom rng) {
        int k = 0;
        double left = mean;
        while (left > 0) {
            double chunk = Math.min(left, 16.0);
            left -= chunk;
            double limit = Math.exp(-chunk);
            double p = rng.nextDouble();
            while (p > limit) {
                k++;
                p *= rng.nextDouble();
            }
        }
        return k;
    }
}
