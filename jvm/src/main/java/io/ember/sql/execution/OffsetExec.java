package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/** Skips the first {@code offset} rows; its input is one partition, in order. */
public final class OffsetExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final SparkPlan child;

    public OffsetExec(int offset, SparkPlan child) {
        this.offset = offset;
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new OffsetExec(offset, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(Distribution.ALL_TUPLES);
    }

    @Override
    public Partitioning outputPartitioning() {
        return Partitioning.SINGLE;
    }

    @Override
    public List<SortOrder> outputOrdering() {
        return child.outputOrdering();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        int skip = offset;
        return child.execute(ctx).mapPartitions(it -> skip(it, skip), true);
    }

    private static java.util.Iterator<ColumnBatch> skip(java.util.Iterator<ColumnBatch> it, long skip) {
        return new BatchIterator() {
            long left = skip;

            @Override
            protected ColumnBatch advance() {
                while (it.hasNext()) {
                    ColumnBatch b = it.next();
                    if (left >= b.numRows()) {
                        left -= b.numRows();
                        continue;
                    }
                    int from = (int) left;
                    left = 0;
                    return VectorOps.slice(b, from, b.numRows() - from);
                }
                return null;
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(offset);
    }
}
