package io.ember.rdd;

import io.ember.core.EmberException;
import io.ember.core.Partition;
import io.ember.storage.BlockId;
import java.util.Iterator;
import java.util.List;

/**
 * A locally checkpointed RDD: partition i is the cached block {@code rdd_<source>_i} that the
 * source RDD left in executor storage. It has no dependencies, so lineage is cut; a lost block
 * cannot be recomputed, which is why local checkpoints are not fault tolerant.
 */
final class LocalCheckpointRDD<T> extends RDD<T> {
    record LocalCheckpointPartition(int index) implements Partition {}

    private final int sourceId;
    private final String sourceName;
    private final int numPartitions;

    LocalCheckpointRDD(RDD<T> source) {
        super(source.context(), List.of());
        this.sourceId = source.id();
        this.sourceName = source.toString();
        this.numPartitions = source.partitions().length;
    }

    @Override
    protected Partition[] computePartitions() {
        Partition[] parts = new Partition[numPartitions];
        for (int i = 0; i < numPartitions; i++) {
            parts[i] = new LocalCheckpointPartition(i);
        }
        return parts;
    }

    @Override
    public Iterator<T> compute(Partition split, TaskContext ctx) {
        BlockId.RddBlock block = new BlockId.RddBlock(sourceId, split.index());
        return ctx.env().blockManager().<T>get(block).orElseThrow(() -> new EmberException(
                "Checkpoint block " + block.name() + " of locally checkpointed " + sourceName + " (partition "
                        + split.index() + ") was lost: the executor that held it is gone or the RDD was unpersisted."
                        + " Local checkpoints are not fault tolerant; use checkpoint() for reliable checkpointing"));
    }
}
