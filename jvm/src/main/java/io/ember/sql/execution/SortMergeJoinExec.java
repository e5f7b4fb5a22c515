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
    private final JoinSide smallerSide;

    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, SparkPlan left, SparkPlan right) {
        this(leftKeys, rightKeys, joinType, condition, left, right, false, JoinSide.RIGHT);
    }

    /**
     * {@code skewSplittable}: nothing above relies on this join's output partitioning, so
     * adaptive execution may split skewed partitions into several tasks, or not shuffle a side
     * at all. {@code smallerSide}: the side the planner estimated smaller, whose map stage
     * adaptive execution runs first (a hint: it changes no row).
     */
    public SortMergeJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                             Expression condition, SparkPlan left, SparkPlan right, boolean skewSplittable,
                             JoinSide smallerSide) {
        super(leftKeys, rightKeys, joinType, condition, left, right);
        this.skewSplittable = skewSplittable;
        this.smallerSide = smallerSide;
    }

    public boolean skewSplittable() {
        return skewSplittable;
    }

    JoinSide smallerSide() {
        return smallerSide;
    }

    public SortMergeJoinExec withSkewSplittable(boolean s) {
        return s == skewSplittable ? this
                : new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, left, right, s, smallerSide);
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> c) {
        return new SortMergeJoinExec(leftKeys, rightKeys, joinType, condition, c.get(0), c.get(1), skewSplittable,
                smallerSide);
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
            RDD<ColumnBatch> pinnedLeft = unsorted(left, 0).execute(ctx);
            return hashJoin(ctx, pinnedLeft, filteredRight(ctx).orElseGet(() -> unsorted(right, 1).execute(ctx)));
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

    /**
     * The right side without the rows no left row can match, when it is read straight from a
     * pinned exchange and this run already collected a set bounding the left side's keys
     * ({@link RuntimeKeySets}, as q21's anti join over a semi join): it is shuffled filtered.
     */
    private java.util.Optional<RDD<ColumnBatch>> filteredRight(ExecutionContext ctx) {
        ShuffleExchangeExec re = sortedExchange(right);
        if (re == null || re.coalescible() || !RuntimeKeyFilter.applies(joinType, JoinSide.LEFT)
                || !Boolean.parseBoolean(ctx.conf().get(RuntimeKeyFilter.ENABLED, "true"))) {
            return java.util.Optional.empty();
        }
        return ctx.keySets().bounding(left, leftKeys).map(set -> {
            ctx.adaptive().record(re, "runtimeFilter", "RuntimeFilter " + rightKeys + " IN keys of the left side "
                    + "(adaptive: collected below it)", false);
            RDD<ColumnBatch> kept = RuntimeKeyFilter.keep(re.child().execute(ctx), set,
                    BindReferences.bindAll(rightKeys, re.output()).toArray(new Expression[0]));
            return re.read(re.shuffleOf(ctx, kept), ShuffledBatchRDD.identity(re.partitioning().numPartitions()));
        });
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
