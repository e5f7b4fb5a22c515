package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.trees.TreeNode;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of a physical plan: how to compute. Executing a plan builds an RDD of column
 * batches (one RDD partition per output partition) on the engine's scheduler; exchanges are
 * shuffles, so stages split where the plan repartitions. Lives on the driver; only the
 * functions its RDDs run travel to executors.
 *
 * <p>A subclass implements {@link #output()} and {@link #execute}; it says how its output is
 * placed ({@link #outputPartitioning()}) and what placement it needs from each child
 * ({@link #requiredChildDistribution()}), from which the planner inserts exchanges.
 */
public abstract class SparkPlan extends TreeNode<SparkPlan> {
    private static final long serialVersionUID = 1L;

    /** The columns of the batches this plan produces, in order. */
    public abstract List<AttributeReference> output();

    /** This node's own arguments (not its children), for {@link ExchangeReuse}'s comparisons. */
    final List<Object> arguments() {
        return args();
    }

    /** Builds the RDD that computes this plan. */
    public abstract RDD<ColumnBatch> execute(ExecutionContext ctx);

    /** How this plan's rows are placed across partitions; unknown unless a subclass knows. */
    public Partitioning outputPartitioning() {
        return new Partitioning.Unknown(0);
    }

    /** What each child's placement must satisfy, one per child. */
    public List<Distribution> requiredChildDistribution() {
        return Collections.nCopies(children().size(), Distribution.UNSPECIFIED);
    }

    /**
     * The order each child's rows must have within each partition, one per child (empty: any);
     * the planner sorts a child whose {@link #outputOrdering()} does not begin with it.
     */
    public List<List<SortOrder>> requiredChildOrdering() {
        return Collections.nCopies(children().size(), List.of());
    }

    /**
     * The metrics this operator reports per run (Spark's {@code SparkPlan.metrics}); the run
     * registers them before executing and the operator feeds them through
     * {@link ExecutionContext#metrics(SparkPlan)}. None by default.
     */
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of();
    }

    /** This operator's metric {@code def} in the run {@code ctx} measures (detached when unmeasured). */
    protected final io.ember.sql.execution.metric.SqlMetric metric(ExecutionContext ctx,
                                                                   io.ember.sql.execution.metric.MetricDef def) {
        return ctx.metrics(this).get(def);
    }

    /** The order of rows within each partition, when known. */
    public List<SortOrder> outputOrdering() {
        return List.of();
    }

    public final List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>();
        for (AttributeReference a : output()) {
            types.add(a.dataType());
        }
        return types;
    }

    /** Runs the plan and returns every row on the driver, partitions in order. */
    public List<ColumnBatch> executeCollect(ExecutionContext ctx) {
        RDD<ColumnBatch> rdd = execute(ctx);
        int[] parts = new int[rdd.getNumPartitions()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = i;
        }
        return Collecting.collect(ctx, rdd, parts, Integer.MAX_VALUE, outputTypes());
    }

    /**
     * The first {@code n} rows, computing as few partitions as it can: one partition first,
     * then more (up to four times as many each round, estimated from the rows found so far)
     * until it has {@code n}, as Spark's {@code executeTake} does.
     */
    public List<ColumnBatch> executeTake(ExecutionContext ctx, int n) {
        if (n <= 0) {
            return List.of();
        }
        RDD<ColumnBatch> rdd = execute(ctx);
        int total = rdd.getNumPartitions();
        List<ColumnBatch> out = new ArrayList<>();
        long have = 0;
        int scanned = 0;
        while (have < n && scanned < total) {
            int tryParts = 1;
            if (scanned > 0) {
                tryParts = have == 0 ? scanned * 4
                        : (int) Math.min(Math.max(1.5 * n * scanned / have - scanned, 1), scanned * 4L);
            }
            int[] parts = new int[Math.min(tryParts, total - scanned)];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = scanned + i;
            }
            int left = (int) (n - have);
            for (ColumnBatch b : Collecting.collect(ctx, rdd, parts, left, outputTypes())) {
                if (have >= n) {
                    break;
                }
                ColumnBatch kept = VectorOps.slice(b, 0, (int) Math.min(b.numRows(), n - have));
                out.add(kept);
                have += kept.numRows();
            }
            scanned += parts.length;
        }
        return out;
    }
}
