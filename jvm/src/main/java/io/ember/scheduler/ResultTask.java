package io.ember.scheduler;

import io.ember.core.Partition;
import io.ember.rdd.Iterators;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.rdd.TaskFunction;
import java.util.List;
import java.util.Properties;

/** Computes a partition of the final RDD and applies the action's function to it. */
public final class ResultTask extends Task {
    private final int outputId;

    public ResultTask(int stageId, int stageAttempt, int jobId, Partition partition, int outputId, byte[] taskBinary,
                      Properties properties, List<String> preferredLocations) {
        super(stageId, stageAttempt, jobId, partition, taskBinary, properties, preferredLocations);
        this.outputId = outputId;
    }

    /** The index of this partition among the job's requested partitions. */
    public int outputId() {
        return outputId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object run(TaskContext ctx, ClassLoader loader) throws Exception {
        Object[] binary = deserializeBinary(ctx, loader);
        RDD<Object> rdd = (RDD<Object>) binary[0];
        TaskFunction<Object, Object> func = (TaskFunction<Object, Object>) binary[1];
        return func.apply(ctx, Iterators.interruptible(rdd.iterator(partition(), ctx), ctx));
    }

    @Override
    public String toString() {
        return "ResultTask(stage " + stageId() + ", partition " + partitionId() + ")";
    }
}
