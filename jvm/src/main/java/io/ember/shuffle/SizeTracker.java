package io.ember.shuffle;

import io.ember.util.SizeEstimator;
import java.util.Collection;

/**
 * Cheap running estimate of a buffer's heap size: measures one inserted entry in every
 * {@code SAMPLE_EVERY}, keeps the average, and multiplies by the entry count.
 */
final class SizeTracker {
    private static final int SAMPLE_EVERY = 64;
    private static final long ENTRY_OVERHEAD = 48;
    private double avgEntry = 64;
    private long inserts;

    /** Records an insert; measures it when sampled. */
    void onInsert(Object key, Object value) {
        if (inserts++ % SAMPLE_EVERY == 0) {
            long size = measure(key) + measure(value) + ENTRY_OVERHEAD;
            avgEntry = inserts == 1 ? size : avgEntry * 0.8 + size * 0.2;
        }
    }

    long estimate(long entries) {
        return (long) (entries * avgEntry);
    }

    void reset() {
        inserts = 0;
    }

    private static long measure(Object o) {
        return o instanceof Collection<?> c ? SizeEstimator.estimateSampled(c) : SizeEstimator.estimate(o);
    }
}
