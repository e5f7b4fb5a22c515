package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the join operators: two children, equi-join keys (pairwise, possibly none), the
 * join type and a residual condition over the left-then-right columns; the output is the
 * logical join's (left columns only for semi and anti joins; the possibly missing side
 * nullable for outer joins).
 */
public abstract class JoinExec extends SparkPlan {
    private static final long serialVersionUID = 1L;

    protected final List<Expression> leftKeys;
    protected final List<Expression> rightKeys;
    protected final JoinType joinType;
    protected final Expression condition;
    protected final SparkPlan left;
    protected final SparkPlan right;

    protected JoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType, Expression condition,
                       SparkPlan left, SparkPlan right) {
        this.leftKeys = List.copyOf(leftKeys);
        this.rightKeys = List.copyOf(rightKeys);
        this.joinType = joinType;
        this.condition = condition;
        this.left = left;
        this.right = right;
    }

    public JoinType joinType() {
        return joinType;
    }

    public List<Expression> leftKeys() {
        return leftKeys;
    }

    public List<Expression> rightKeys() {
        return rightKeys;
    }

    public SparkPlan left() {
        return left;
    }

    public SparkPlan right() {
        return right;
    }

    @Override
    public final List<SparkPlan> children() {
        return List.of(left, right);
    }

    @Override
    public List<AttributeReference> output() {
        boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
        boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference a : left.output()) {
            out.add(leftNullable ? a.withNullability(true) : a);
        }
        if (joinType.keepsRightColumns()) {
            for (AttributeReference a : right.output()) {
                out.add(rightNullable ? a.withNullability(true) : a);
            }
        }
        return out;
    }

    /**
     * Joins partitions of two inputs partitioned alike by hashing the smaller of each pair of
     * partitions and streaming the other through it ({@link GraceHashJoin}, which spills both
     * sides when the smaller does not fit), counting output rows in this node's metric.
     */
    protected final RDD<ColumnBatch> hashJoinPartitions(ExecutionContext ctx, RDD<ColumnBatch> l, RDD<ColumnBatch> r) {
        Expression[] lk = BindReferences.bindAll(leftKeys, left.output()).toArray(new Expression[0]);
        Expression[] rk = BindReferences.bindAll(rightKeys, right.output()).toArray(new Expression[0]);
        Expression cond = boundCondition();
        JoinType type = joinType;
        List<DataType> lt = left.outputTypes();
        List<DataType> rt = right.outputTypes();
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        return new ZippedBatchesRDD(l, r, (a, b) -> io.ember.sql.execution.metric.Meter.countRows(rows,
                new GraceHashJoin(TaskMemory.of(TaskContext.get()), type, lk, rk, cond, lt, rt).join(a, b)));
    }

    /** The residual condition bound to the left-then-right columns, or null. */
    protected final Expression boundCondition() {
        if (condition == null) {
            return null;
        }
        List<AttributeReference> both = new ArrayList<>(left.output());
        both.addAll(right.output());
        return BindReferences.bind(condition, both);
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(leftKeys, rightKeys, joinType, condition);
    }

    @Override
    public String simpleString() {
        return nodeName() + " " + leftKeys + ", " + rightKeys + ", " + joinType
                + (condition == null ? "" : ", " + condition.sql());
    }
}
