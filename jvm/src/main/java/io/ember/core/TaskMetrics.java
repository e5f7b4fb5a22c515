package io.ember.core;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A running task attempt's counters, added to by the code that does the work (the executor,
 * shuffle writers and readers, spilling buffers, input readers, the Python runner).
 *
 * <p>Threading: thread-safe; a task's helper threads (such as the thread feeding a Python
 * worker) may add concurrently with the task thread. {@link #snapshot} is taken once the task ends.
 */
public final class TaskMetrics {
    private final AtomicLongArray values = new AtomicLongArray(TaskMetric.values().length);
    /**
     * Nanoseconds added to millisecond counters through {@link #addNanos}, kept whole so that
     * many short waits (each under a millisecond) still add up instead of truncating to zero.
     */
    private final AtomicLongArray nanos = new AtomicLongArray(TaskMetric.values().length);

    public void add(TaskMetric m, long delta) {
        values.addAndGet(m.ordinal(), delta);
    }

    /** Adds a duration measured in nanoseconds to a millisecond counter. */
    public void addNanos(TaskMetric m, long deltaNanos) {
        nanos.addAndGet(m.ordinal(), deltaNanos);
    }

    public void set(TaskMetric m, long value) {
        nanos.set(m.ordinal(), 0);
        values.set(m.ordinal(), value);
    }

    /** Raises {@code m} to {@code value} if it is higher (peaks). */
    public void max(TaskMetric m, long value) {
        values.accumulateAndGet(m.ordinal(), value, Math::max);
    }

    public long get(TaskMetric m) {
        return values.get(m.ordinal()) + nanos.get(m.ordinal()) / 1_000_000;
    }

    public TaskMetricValues snapshot() {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i) + nanos.get(i) / 1_000_000;
        }
        return new TaskMetricValues(copy);
    }
}
