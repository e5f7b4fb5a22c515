package io.ember.executor;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.core.TaskMetrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures a task attempt on its own thread: wall time, the thread's CPU time, and the JVM's
 * garbage-collection time while it ran (JVM-wide, as Spark counts it). Run time excludes the
 * deserialization time the task recorded itself. Confined to the task thread.
 */
final class TaskClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The JVM's collectors (fixed for the JVM's life). */
    private static final java.util.List<GarbageCollectorMXBean> COLLECTORS =
            ManagementFactory.getGarbageCollectorMXBeans();

    private final long startNanos;
    private final long startCpuNanos;
    private final long startGcMs;

    private TaskClock(long startNanos, long startCpuNanos, long startGcMs) {
        this.startNanos = startNanos;
        this.startCpuNanos = startCpuNanos;
        this.startGcMs = startGcMs;
    }

    static TaskClock start() {
        return new TaskClock(System.nanoTime(), cpuNanos(), gcMillis());
    }

    /**
     * Records the times and the task's peak execution memory (as the memory manager saw it)
     * into {@code metrics} and returns their snapshot.
     */
    TaskMetricValues stop(TaskMetrics metrics, long peakExecutionMemory) {
        metrics.max(TaskMetric.PEAK_EXECUTION_MEMORY, peakExecutionMemory);
        long wallMs = (System.nanoTime() - startNanos) / 1_000_000;
        long deserialize = metrics.get(TaskMetric.EXECUTOR_DESERIALIZE_TIME);
        metrics.set(TaskMetric.EXECUTOR_RUN_TIME, Math.max(0, wallMs - deserialize));
        long cpu = cpuNanos();
        if (cpu >= 0 && startCpuNanos >= 0) {
            metrics.set(TaskMetric.EXECUTOR_CPU_TIME, cpu - startCpuNanos);
        }
        metrics.set(TaskMetric.JVM_GC_TIME, Math.max(0, gcMillis() - startGcMs));
        return metrics.snapshot();
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : COLLECTORS) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
