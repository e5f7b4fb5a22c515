package io.ember.sql.execution;

import io.ember.rdd.RDD;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.JoinType;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import java.util.List;

/**
 * A join whose build side is collected to the driver, hashed once into a {@link HashedRelation}
 * and broadcast; each partition of the other (stream) side probes it. Without keys it is a
 * broadcast nested-loop join (every pair, filtered by the condition: cross and non-equi
 * joins). When unmatched build rows belong in the output (a full outer join, or the build side
 * is the outer side) the stream side must be one partition, so one task sees all matches.
 */
public final class BroadcastHashJoinExec extends JoinExec {
    private static final long serialVersionUID = 1L;

    private final JoinSide buildSide;

    public BroadcastHashJoinExec(List<Expression> leftKeys, List<Expression> rightKeys, JoinType joinType,
                                 JoinSide buildSide, Expression condition, SparkPlan left, SparkPlan right) {
        super(leftKeys, rightKeys, joinType, condition, left, right);
        this.buildSide = buildSide;
    }

    public JoinSide buildSide() {
        return buildSide;
    }

    private SparkPlan buildPlan() {
        return buildSide == JoinSide.RIGHT ? right : left;
    }

    private SparkPlan streamPlan() {
        return buildSide == JoinSide.RIGHT ? left : right;
    }

    private boolean buildOuter() {
        return joinType == JoinType.FULL_OUTER
                || (buildSide == JoinSide.RIGHT && joinType == JoinType.RIGHT_OUTER)
                || (buildSide == JoinSide.LEFT && joinType == JoinType.LEFT_OUTER);
    }

    @Override
    public String nodeName() {
        return leftKeys.isEmpty() ? "BroadcastNestedLoopJoinExec" : "BroadcastHashJoinExec";
    }

    @Override
    protected SparkPlan withNewChildren(List<SparkPlan> c) {
        return new BroadcastHashJoinExec(leftKeys, rightKeys, joinType, buildSide, condition, c.get(0), c.get(1));
    }

    @Override
    public List<Distribution> requiredChildDistribution() {
        Distribution stream = buildOuter() ? Distribution.ALL_TUPLES : Distribution.UNSPECIFIED;
        return buildSide == JoinSide.RIGHT ? List.of(stream, Distribution.UNSPECIFIED)
                : List.of(Distribution.UNSPECIFIED, stream);
    }

    @Override
    public Partitioning outputPartitioning() {
        return streamPlan().outputPartitioning();
    }

    @Override
    public RDD<ColumnBatch> execute(ExecutionContext ctx) {
        SparkPlan build = buildPlan();
        List<Expression> buildKeys = buildSide == JoinSide.RIGHT ? rightKeys : leftKeys;
        List<Expression> streamKeys = buildSide == JoinSide.RIGHT ? leftKeys : rightKeys;
        Expression[] bk = BindReferences.bindAll(buildKeys, build.output()).toArray(new Expression[0]);
        Expression[] sk = BindReferences.bindAll(streamKeys, streamPlan().output()).toArray(new Expression[0]);
        long buildStart = System.nanoTime();
        HashedRelation rel = HashedRelation.build(build.executeCollect(ctx), build.outputTypes(), bk);
        metric(ctx, io.ember.sql.execution.metric.MetricDef.BUILD_TIME)
                .add(io.ember.sql.execution.metric.Meter.millisSince(buildStart));
        metric(ctx, io.ember.sql.execution.metric.MetricDef.BUILD_DATA_SIZE).add(rel.sizeInBytes());
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        Shared<HashedRelation> shared = Shared.broadcast(ctx, rel);
        JoinType type = joinType;
        JoinSide side = buildSide;
        Expression cond = boundCondition();
        List<DataType> streamTypes = streamPlan().outputTypes();
        return streamPlan().execute(ctx).mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows,
                new HashJoiner(type, side, shared.get(), sk, cond, streamTypes).join(it)), false);
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS,
                io.ember.sql.execution.metric.MetricDef.BUILD_DATA_SIZE, io.ember.sql.execution.metric.MetricDef.BUILD_TIME);
    }
}
