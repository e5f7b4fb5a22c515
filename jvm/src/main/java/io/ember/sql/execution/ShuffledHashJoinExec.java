package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * An equi-join of two inputs hash-partitioned alike on their keys: each partition hashes the
 * rows of its smaller side and streams the other side's through them ({@link GraceHashJoin},
 * which splits both sides into buckets on disk when the smaller side does not fit in memory). Runs every join type.
 * When both children are exchanges, their reduce sides are read with the same (adaptively
 * coalesced) partition specs.
 */
public final class ShuffledHashJoinExec extends JoinExec {
    private static final long serialVersionUID = 1L;

    public ShuffledHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                Expression condition, SparkPlan left, SparkPlan right) {
        super(leftKeys, rightKeys, joinType, condition, left, right);
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> c) {
        return new ShuffledHashJoinExec(leftKeys, rightKeys, joinType, condition, c.get(0), c.get(1));
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        return List.of(new Distribution.HashClustered(leftKeys), new Distribution.HashClustered(rightKeys));
    }

    @Override
    public Partitioning outputPartitioning() {
        return joinType == JoinType.FULL_OUTER || joinType == JoinType.RIGHT_OUTER
                ? new Partitioning.Unknown(left.outputPartitioning().numPartitions()) : left.outputPartitioning();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        RDD<ColumnBatch> l, r;
        if (left instanceof ShuffleExchangeExec le && right instanceof ShuffleExchangeExec re) {
            List<RDD<ColumnBatch>> both = ShuffleExchangeExec.executeCoordinated(ctx, List.of(le, re));
            l = both.get(0);
            r = both.get(1);
        } else {
            l = left.execute(ctx);
            r = right.execute(ctx);
        }
        return hashJoinPartitions(ctx, l, r);
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
    }
}
