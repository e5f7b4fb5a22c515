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

    public void add(TaskMetric m, long delta) {
        values.addAndGet(m.ordinal(), delta);
    }

    public void set(TaskMetric m, long value) {
        values.set(m.ordinal(), value);
    }

    /** Raises {@code m} to {@code value} if it is higher (peaks). */
    public void max(TaskMetric m, long value) {
        values.accumulateAndGet(m.ordinal(), value, Math::max);
    }

    public long get(TaskMetric m) {
        return values.get(m.ordinal());
    }

    public TaskMetricValues snapshot() {
        long[] copy = new long[values.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values.get(i);
        }
        return new TaskMetricValues(copy);
    }
}
