package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/** {@code coalesce(n)}: merges partitions into at most {@code n} without a shuffle. */
public final class CoalesceExec extends UnaryExecNode {
    private static final long serialVersionUID = 1L;

    private final int numPartitions;
    private final SparkPlan child;

    public CoalesceExec(int numPartitions, SparkPlan child) {
        this.numPartitions = numPartitions;
        this.child = child;
    }

    @Override
    public SparkPlan child() {
        return child;
    }

    @Override
    public SparkPlan withNewChild(SparkPlan newChild) {
        return new CoalesceExec(numPartitions, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public Partitioning outputPartitioning() {
        return numPartitions == 1 ? Partitioning.SINGLE : new Partitioning.Unknown(numPartitions);
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        RDD<ColumnBatch> in = child.execute(ctx);
        return in.getNumPartitions() <= numPartitions ? in : in.coalesce(numPartitions, false);
    }

    @Override
    protected List<Object> args() {
        return List.of(numPartitions);
    }
}
