package io.ember.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * An immutable snapshot of a task attempt's {@link TaskMetric} counters, sent from the executor
 * with the task's outcome and carried by the task-end listener event.
 */
public final class TaskMetricValues implements Serializable {
    /** No counters (a task that never ran, or an outcome from before metrics existed). */
    public static final TaskMetricValues EMPTY = new TaskMetricValues(new long[TaskMetric.values().length]);

    private final long[] values;

    /** @param values indexed by {@link TaskMetric#ordinal()}; copied; shorter arrays are padded with zeros */
    public TaskMetricValues(long[] values) {
        this.values = Arrays.copyOf(values, TaskMetric.values().length);
    }

    public long get(TaskMetric m) {
        return values[m.ordinal()];
    }

    /** A copy with {@code m} set to {@code value}. */
    public TaskMetricValues with(TaskMetric m, long value) {
        long[] copy = values.clone();
        copy[m.ordinal()] = value;
        return new TaskMetricValues(copy);
    }

    /** The element-wise sum (stage and executor totals). */
    public TaskMetricValues plus(TaskMetricValues other) {
        long[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.values[i];
        }
        return new TaskMetricValues(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMetricValues v && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TaskMetricValues{");
        for (TaskMetric m : TaskMetric.values()) {
            if (values[m.ordinal()] != 0) {
                b.append(m.jsonName()).append('=').append(values[m.ordinal()]).append(' ');
            }
        }
        return b.append('}').toString();
    }
}
