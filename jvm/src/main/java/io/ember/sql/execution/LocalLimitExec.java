package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.vector.ColumnBatch;
import java.util.Iterator;
import java.util.List;

/** The first {@code limit} rows of each partition; the child stops being pulled after them. */
public final class LocalLimitExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final SparkPlan child;

    public LocalLimitExec(int limit, SparkPlan child) {
        this.limit = limit;
        this.child = child;
    }

    public int limit() {
        return limit;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new LocalLimitExec(limit, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return child.outputPartitioning();
    }

    @Override
    public List<SortOrder> outputOrdering() {
        return child.outputOrdering();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        int n = limit;
        return child.execute(ctx).mapPartitions(it -> take(it, n), true);
    }

    static Iterator<ColumnBatch> take(Iterator<ColumnBatch> in, long limit) {
        return new BatchIterator() {
            long left = limit;

            @Override
            protected ColumnBatch advance() {
                while (left > 0 && in.hasNext()) {
                    ColumnBatch b = in.next();
                    if (b.numRows() == 0) {
                        continue;
                    }
                    int keep = (int) Math.min(left, b.numRows());
                    left -= keep;
                    return VectorOps.slice(b, 0, keep);
                }
                return null;
            }
        };
    }

    @Override
    protected List<Object> args() {
        return List.of(limit);
    }
}
