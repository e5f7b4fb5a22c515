package io.ember.scheduler;

import io.ember.core.Partition;
import io.ember.core.Tuple2;
import io.ember.rdd.Iterators;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.shuffle.SortShuffleWriter;
import java.util.List;
import java.util.Properties;

/** Computes a partition of the map side of a shuffle and writes its output; returns a MapStatus. */
public final class ShuffleMapTask extends Task {
    public ShuffleMapTask(int stageId, int stageAttempt, int jobId, Partition partition, byte[] taskBinary,
                          Properties properties, List<String> preferredLocations) {
        super(stageId, stageAttempt, jobId, partition, taskBinary, properties, preferredLocations);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object run(TaskContext ctx, ClassLoader loader) {
        Object[] binary = deserializeBinary(ctx, loader);
        RDD<Tuple2<Object, Object>> rdd = (RDD<Tuple2<Object, Object>>) binary[0];
        ShuffleDependency<Object, Object, Object> dep = (ShuffleDependency<Object, Object, Object>) binary[1];
        SortShuffleWriter writer = new SortShuffleWriter(ctx.shuffleEnv(), dep.handle(), partitionId());
        return writer.write(Iterators.interruptible(rdd.iterator(partition(), ctx), ctx), ctx.env().executorId());
    }

    @Override
    public String toString() {
        return "ShuffleMapTask(stage " + stageId() + ", partition " + partitionId() + ")";
    }
}
