package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StatCounterTest {
    @Test
    void basicStatistics() {
        StatCounter s = new StatCounter(1, 2, 3);
        assertEquals(3, s.count());
        assertEquals(2.0, s.mean());
        assertEquals(6.0, s.sum());
        assertEquals(1.0, s.min());
        assertEquals(3.0, s.max());
        assertEquals(2.0 / 3, s.variance(), 1e-15);
        assertEquals(1.0, s.sampleVariance(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), s.stdev(), 1e-15);
        assertEquals(1.0, s.sampleStdev(), 1e-15);
    }

    @Test
    void toStringListsCountMeanStdevMaxMin() {
        assertEquals("(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3.0, min: 1.0)",
                new StatCounter(1, 2, 3).toString());
    }

    @Test
    void emptyCounter() {
        StatCounter s = new StatCounter();
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.mean()));
        assertTrue(Double.isNaN(s.variance()));
        assertTrue(Double.isNaN(s.sampleVariance()));
        assertEquals(0.0, s.sum());
        assertEquals(Double.NEGATIVE_INFINITY, s.max());
        assertEquals(Double.POSITIVE_INFINITY, s.min());
        assertTrue(Double.isNaN(new StatCounter(5).sampleVariance()));
        assertEquals(0.0, new StatCounter(5).variance());
    }

    @Test
    void mergingCountersEqualsMergingValues() {
        Random r = new Random(42);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.nextGaussian() * 10 + 3;
        }
        StatCounter all = new StatCounter(values);
        for (int cut : new int[] {0, 1, 50, 500, 990, 1000}) {
            StatCounter a = new StatCounter(java.util.Arrays.copyOfRange(values, 0, cut));
            StatCounter b = new StatCounter(java.util.Arrays.copyOfRange(values, cut, values.length));
            StatCounter merged = a.copy().merge(b);
            assertEquals(all.count(), merged.count());
            assertEquals(all.mean(), merged.mean(), 1e-12);
            assertEquals(all.variance(), merged.variance(), 1e-9);
            assertEquals(all.sum(), merged.sum(), 1e-9);
            assertEquals(all.min(), merged.min());
            assertEquals(all.max(), merged.max());
            assertEquals(cut, a.count(), "copy() must not alias the original");
        }
    }

    @Test
    void mergeWithItselfDoublesTheData() {
        StatCounter s = new StatCounter(1, 2, 3);
        s.merge(s);
        assertEquals(new StatCounter(1, 2, 3, 1, 2, 3).toString(), s.toString());
    }

    @Test
    void largeOffsetDoesNotLosePrecision() {
        StatCounter s = new StatCounter();
        for (int i = 0; i < 1000; i++) {
            s.merge(1e9 + (i % 2));
        }
        assertEquals(0.25, s.variance(), 1e-6);
        assertEquals(1e9 + 0.5, s.mean(), 1e-6);
    }
}
