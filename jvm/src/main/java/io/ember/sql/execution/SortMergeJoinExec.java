package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * An equi-join of two inputs hash-partitioned alike on their keys and sorted within each
 * partition by them (the planner adds the exchanges and the spilling {@link SortExec}s), merged
 * a key group at a time by a {@link SortMergeJoiner}: the left side streams, the right side's
 * current group is buffered (spilling when large). Runs inner, outer, semi and anti joins.
 * When both children are local sorts over exchanges, the exchanges' reduce sides are read
 * with the same partition specs and sorted here; with adaptive execution on, the
 * {@link AdaptiveSortMergeJoin} may first turn the join into a broadcast join, split skewed
 * partitions or coalesce small ones.
 */
public final class SortMergeJoinExec extends JoinExec {
    private static final long serialVersionUID = 1L;

    private final boolean skewSplittable;

    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, SparkPlan left, SparkPlan right) {
        this(leftKeys, rightKeys, joinType, condition, left, right, false);
    }

    /**
     * {@code skewSplittable}: nothing above relies on this join's output partitioning, so
     * adaptive execution may split skewed partitions into several tasks.
     */
    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, SparkPlan left, SparkPlan right, boolean skewSplittable) {
        super(leftKeys, rightKeys, joinType, condition, left, right);
        this.skewSplittable = skewSplittable;
    }

    public boolean skewSplittable() {
        return skewSplittable;
    }

    public SortMergeJoinExec withSkewSplittable(boolean s) {
        return s == skewSplittable ? this
                : new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, left, right, s);
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> c) {
        return new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, c.get(0), c.get(1), skewSplittable);
    }

    @Override
    protected List<Object> args() {
        List<Object> a = new ArrayList<>(super.args());
        a.add(skewSplittable);
        return a;
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(new Distribution.HashClustered(leftKeys), new Distribution.HashClustered(rightKeys));
    }

    @Override
    public List<List<SortOrder>> requiredChildOrdering() {
        return List.of(ascending(leftKeys), ascending(rightKeys));
    }

    private static List<SortOrder> ascending(List<Expression> keys) {
        List<SortOrder> out = new ArrayList<>();
        for (Expression k : keys) {
            out.add(new SortOrder(k, true, true));
        }
        return out;
    }

    @Override
    public Partitioning outputPartitioning() {
        return joinType == JoinType.FULL_OUTER || joinType == JoinType.RIGHT_OUTER
                ? new Partitioning.Unknown(left.outputPartitioning().numPartitions()) : left.outputPartitioning();
    }

    /** The exchange under a child that is a local sort directly over one, else null. */
    public static ShuffleExchangeExec sortedExchange(SparkPlan child) {
        if (child instanceof SortExec s && !s.global() && s.child() instanceof ShuffleExchangeExec e) {
            return e;
        }
        return null;
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        ShuffleExchangeExec le = sortedExchange(left);
        ShuffleExchangeExec re = sortedExchange(right);
        RDD<ColumnBatch> l, r;
        if (le != null && re != null && ctx.conf().adaptiveEnabled()) {
            return new AdaptiveSortMergeJoin(this, le, re).execute(ctx);
        }
        if (ctx.conf().adaptiveEnabled() && AdaptiveSortMergeJoin.hashInsteadOfSort(ctx.conf())) {
            // a side comes from another operator (say a join below on the same keys), not straight from an exchange:
            // its partitions are pinned (not coalesced) and still line up, so hashing them needs no sort either
            ctx.adaptive().record(this, "join", "ShuffledHashJoin " + leftKeys + ", " + rightKeys + ", " + joinType
                    + ", BuildSmallerSide (adaptive: was SortMergeJoin; a side is not read straight from an exchange)", true);
            return hashJoin(ctx, unsorted(left, 0).execute(ctx), unsorted(right, 1).execute(ctx));
        }
        if (le != null && re != null) {
            List<RDD<ColumnBatch>> both = ShuffleExchangeExec.executeCoordinated(ctx, List.of(le, re));
            l = ((SortExec) left).sortEach(ctx, both.get(0));
            r = ((SortExec) right).sortEach(ctx, both.get(1));
        } else {
            l = left.execute(ctx);
            r = right.execute(ctx);
        }
        return zip(ctx, l, r);
    }

    /** A child without the local sort on the join keys this join asked for (hashing does not need it). */
    private SparkPlan unsorted(SparkPlan child, int index) {
        return child instanceof SortExec s && !s.global() && s.order().equals(requiredChildOrdering().get(index))
                ? s.child() : child;
    }

    /** The join of unsorted inputs partitioned as this join requires, by hashing (adaptive execution's choice). */
    RDD<ColumnBatch> hashJoin(ExecutionContext ctx, RDD<ColumnBatch> l, RDD<ColumnBatch> r) {
        return hashJoinPartitions(ctx, l, r);
    }

    /** The merge over inputs already partitioned and sorted as this join requires, measured in {@code ctx}'s run. */
    RDD<ColumnBatch> zip(ExecutionContext ctx, RDD<ColumnBatch> l, RDD<ColumnBatch> r) {
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        Expression[] lk = BindReferences.bindAll(leftKeys, left.output()).toArray(new Expression[0]);
        Expression[] rk = BindReferences.bindAll(rightKeys, right.output()).toArray(new Expression[0]);
        Expression cond = boundCondition();
        JoinType type = joinType;
        List<DataType> lt = left.outputTypes();
        List<DataType> rt = right.outputTypes();
        return new ZippedBatchesRDD(l, r, (a, b) -> io.ember.sql.execution.metric.Meter.countRows(rows,
                new SortMergeJoiner(TaskMemory.of(TaskContext.get()), type, lk, rk, cond, lt, rt).join(a, b)));
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
