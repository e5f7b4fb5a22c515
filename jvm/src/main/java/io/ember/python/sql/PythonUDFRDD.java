package io.ember.python.sql;

import io.ember.core.Partition;
import io.ember.core.Partitioner;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.execution.BatchIterator;
import io.ember.sql.vector.ColumnBatch;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The parent's batches with one column appended per UDF call, one-to-one by partition. Each
 * call runs in its own Python worker, the calls chained: the second reads the first's output
 * batches as they come ({@link PythonUDFRunner}).
 */
final class PythonUDFRDD extends RDD<ColumnBatch> {
    private static final long serialVersionUID = 1L;

    private final List<UdfCall> calls;

    PythonUDFRDD(RDD<ColumnBatch> parent, List<UdfCall> calls) {
        super(parent);
        this.calls = List.copyOf(calls);
    }

    @Override
    protected Partition[] computePartitions() {
        return firstParent().partitions();
    }

    @Override
    public Iterator<ColumnBatch> compute(Partition split, TaskContext ctx) {
        Iterator<ColumnBatch> batches = BatchIterator.nonEmpty(this.<ColumnBatch>firstParent().iterator(split, ctx));
        for (UdfCall call : calls) {
            batches = new PythonUDFRunner(call, ctx, split.index()).run(batches);
        }
        return batches;
    }

    @Override
    public Optional<Partitioner> partitioner() {
        return firstParent().partitioner();
    }
}
