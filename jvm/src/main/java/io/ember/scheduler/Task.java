package io.ember.scheduler;

import io.ember.core.Partition;
import io.ember.core.TaskMetric;
import io.ember.rdd.TaskContext;
import io.ember.serializer.ClosureSerializer;
import java.io.Serializable;
import java.util.List;
import java.util.Properties;

/**
 * One unit of work: a stage's computation on one partition. The stage's lineage and function
 * travel once per stage as {@code taskBinary}; each task adds only its partition. Serializable,
 * so a cluster backend can ship it to an executor JVM.
 */
public abstract class Task implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int stageId;
    private final int stageAttempt;
    private final int jobId;
    private final Partition partition;
    private final byte[] taskBinary;
    private final Properties properties;
    private final List<String> preferredLocations;

    protected Task(int stageId, int stageAttempt, int jobId, Partition partition, byte[] taskBinary,
                   Properties properties, List<String> preferredLocations) {
        this.stageId = stageId;
        this.stageAttempt = stageAttempt;
        this.jobId = jobId;
        this.partition = partition;
        this.taskBinary = taskBinary;
        this.properties = properties;
        this.preferredLocations = preferredLocations;
    }

    /** The stage's lineage and function, timed as the task's deserialization. */
    protected final Object[] deserializeBinary(TaskContext ctx, ClassLoader loader) {
        long started = System.nanoTime();
        long startedCpu = TaskCpu.nanos();
        Object[] binary = ClosureSerializer.deserialize(taskBinary, loader);
        ctx.metrics().addNanos(TaskMetric.EXECUTOR_DESERIALIZE_TIME, System.nanoTime() - started);
        if (startedCpu >= 0) {
            ctx.metrics().add(TaskMetric.EXECUTOR_DESERIALIZE_CPU_TIME, Math.max(0, TaskCpu.nanos() - startedCpu));
        }
        return binary;
    }

    /** Runs the task on an executor thread; the result goes back to the driver. */
    public abstract Object run(TaskContext context, ClassLoader loader) throws Exception;

    public int stageId() {
        return stageId;
    }

    public int stageAttempt() {
        return stageAttempt;
    }

    public int jobId() {
        return jobId;
    }

    public int partitionId() {
        return partition.index();
    }

    protected Partition partition() {
        return partition;
    }

    protected byte[] taskBinary() {
        return taskBinary;
    }

    public Properties properties() {
        return properties;
    }

    /** Executor ids (or hosts) where this task's input is cached. */
    public List<String> preferredLocations() {
        return preferredLocations;
    }
}
