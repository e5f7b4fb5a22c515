package io.ember.ui.store;

import io.ember.core.TaskMetric;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Quantiles of a stage attempt's successful tasks (Spark's taskSummary: the value at rank
 * {@code round(q * (n - 1))} of the sorted values). Stateless.
 */
public final class TaskSummary {
    /** Spark's default quantiles. */
    public static final double[] DEFAULT_QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};

    private TaskSummary() {}

    /** The successful tasks among {@code tasks}; quantiles are computed over these only. */
    public static List<TaskData> successful(List<TaskData> tasks) {
        return tasks.stream().filter(t -> "SUCCESS".equals(t.status())).toList();
    }

    /** The quantiles of {@code value} over {@code tasks}. */
    public static double[] quantiles(List<TaskData> tasks, ToDoubleFunction<TaskData> value, double[] quantiles) {
        double[] sorted = tasks.stream().mapToDouble(value).sorted().toArray();
        double[] out = new double[quantiles.length];
        if (sorted.length == 0) {
            return out;
        }
        for (int i = 0; i < quantiles.length; i++) {
            int rank = (int) Math.round(quantiles[i] * (sorted.length - 1));
            out[i] = sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
        }
        return out;
    }

    /** The quantiles of one counter. */
    public static double[] quantiles(List<TaskData> tasks, TaskMetric metric, double[] quantiles) {
        return quantiles(tasks, t -> t.metrics().get(metric), quantiles);
    }

    /** Scheduler delay as Spark computes it: duration minus the executor's own times, at least 0. */
    public static long schedulerDelay(TaskData t) {
        long own = t.metrics().get(TaskMetric.EXECUTOR_RUN_TIME) + t.metrics().get(TaskMetric.EXECUTOR_DESERIALIZE_TIME)
                + t.metrics().get(TaskMetric.RESULT_SERIALIZATION_TIME);
        return Math.max(0, t.duration() - own);
    }

    static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
