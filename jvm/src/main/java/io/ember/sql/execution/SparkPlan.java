package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.trees.TreeNode;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * A node of a physical plan: how to compute. Executing a plan builds an RDD of column
 * batches (one RDD partition per output partition) on the engine's scheduler; exchanges are
 * shuffles, so stages split where the plan repartitions. Lives on the driver; only the
 * functions its RDDs run travel to executors.
 */
public abstract class SparkPlan extends TreeNode<SparkPlan> {
    private static final long serialVersionUID = 1L;

    /** The columns of the batches this plan produces, in order. */
    public abstract List<AttributeReference> output();

    /** Builds the RDD that computes this plan. */
    public abstract RDD<ColumnBatch> execute(ExecutionContext ctx);
}
