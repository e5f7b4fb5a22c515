package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * The first {@code limit} rows overall: its child is one partition (the planner puts a
 * single-partition exchange under it). Collecting it directly runs {@code executeTake} on the
 * child, which computes only the partitions it needs.
 */
public final class GlobalLimitExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final SparkPlan child;

    public GlobalLimitExec(int limit, SparkPlan child) {
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
        return new GlobalLimitExec(limit, newChild);
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
        int n = limit;
        return child.execute(ctx).mapPartitions(it -> LocalLimitExec.take(it, n), true);
    }

    @Override
    public List<ColumnBatch> executeCollect(ExecutionContext ctx) {
        SparkPlan source = child instanceof ShuffleExchangeExec e && e.partitioning() instanceof Partitioning.Single
                ? e.child() : child;
        return source.executeTake(ctx, limit);
    }

    @Override
    protected List<Object> args() {
        return List.of(limit);
    }
}
