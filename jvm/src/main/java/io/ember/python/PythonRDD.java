package io.ember.python;

import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a pipelined Python function over each partition of its parent, one-to-one: the parent's
 * elements (pickled batches as byte[], or Strings in UTF-8 mode) go to a Python worker and its
 * output comes back as byte[] batches, or (partition, batch) pairs for a shuffle's map side.
 * The conversation with the worker is {@link PythonRunner}'s.
 */
public final class PythonRDD extends RDD<Object> {
    private static final long serialVersionUID = 1L;

    private final PythonFunction function;
    private final boolean preservesPartitioning;
    /**
     * The driver's handles of the broadcasts the function reads: while this RDD is referenced,
     * so are they, and the context's cleaner leaves their files alone.
     */
    private final transient List<Object> broadcastHandles;

    PythonRDD(RDD<?> parent, PythonFunction function, boolean preservesPartitioning, List<Object> broadcastHandles) {
        super(parent);
        this.function = function;
        this.preservesPartitioning = preservesPartitioning;
        this.broadcastHandles = List.copyOf(broadcastHandles);
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<Object> compute(Partition split, TaskContext ctx) {
        Iterator<Object> input = this.<Object>firstParent().iterator(split, ctx);
        return new PythonRunner(function, ctx, split.index()).run(input);
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return preservesPartitioning ? firstParent().partitioner() : Optional.empty();
    }

    /**
     * What a task needs to run one Python stage; serialized with the task. {@code broadcasts}
     * maps broadcast ids to the names their pickled values are shipped under; {@code includes}
     * are paths relative to the files directory put on the workers' sys.path.
     */
    public record PythonFunction(byte[] command, int inputMode, int outputMode, Map<Long, String> broadcasts,
                          String pythonExec, String pythonVersion, String pythonPath, List<String> includes,
                          int memoryLimitMb, PythonAccumulatorUpdates accumulator)
            implements java.io.Serializable {}
}
