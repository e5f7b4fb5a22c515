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
 * When stream rows without a match are dropped (inner and left semi joins), the scan under the
 * stream side is handed a filter of the build keys ({@link JoinKeyFilter}), so that it skips
 * early the rows that cannot join.
 */
public final class BroadcastHashJoinExec extends JoinExec {
    private static final long serialVersionUID = 1L;

    /** Whether the join filters its stream side's scan by the build side's keys (default true). */
    public static final String RUNTIME_FILTERS = "ember.sql.broadcastJoin.runtimeFilters";

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

    SparkPlan streamPlan() {
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
        // the build side never reads the scans this join's stream side filters
        HashedRelation rel = HashedRelation.build(build.executeCollect(ctx.withRuntimeFilters(RuntimeFilters.NONE)),
                build.outputTypes(), bk);
        metric(ctx, io.ember.sql.execution.metric.MetricDef.BUILD_TIME)
                .add(io.ember.sql.execution.metric.Meter.millisSince(buildStart));
        metric(ctx, io.ember.sql.execution.metric.MetricDef.BUILD_DATA_SIZE).add(rel.sizeInBytes());
        io.ember.sql.execution.metric.SqlMetric rows = metric(ctx, io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS);
        Shared<HashedRelation> shared = Shared.broadcast(ctx, rel);
        JoinType type = joinType;
        JoinSide side = buildSide;
        Expression cond = boundCondition();
        List<DataType> streamTypes = streamPlan().outputTypes();
        ExecutionContext streamCtx = ctx.withRuntimeFilters(keyFilters(ctx, rel, bk, streamKeys));
        return streamPlan().execute(streamCtx).mapPartitions(it -> io.ember.sql.execution.metric.Meter.countRows(rows,
                new HashJoiner(type, side, shared.get(), sk, cond, streamTypes).join(it)), false);
    }

    /**
     * {@code ctx}'s runtime filters and, when {@link #runtimeFilters} is on and the join drops
     * stream rows without a match, a {@link JoinKeyFilter} for each int- or long-backed key
     * column that the stream side reads unchanged from a scan ({@link RuntimeFilterPlacement}),
     * unless the build keys are every value of their range ({@link JoinKeySet#contiguous}).
     */
    private RuntimeFilters keyFilters(ExecutionContext ctx, HashedRelation rel, Expression[] bk,
                                      List<Expression> streamKeys) {
        RuntimeFilters filters = ctx.runtimeFilters();
        if (!RuntimeFilterPlacement.dropsUnmatchedStream(joinType, buildSide)
                || !Boolean.parseBoolean(ctx.conf().get(RUNTIME_FILTERS, "true"))) {
            return filters;
        }
        for (int k = 0; k < bk.length; k++) {
            if (!(streamKeys.get(k) instanceof io.ember.sql.expressions.AttributeReference a)
                    || !JoinKeyFilter.supports(a.dataType()) || !a.dataType().equals(bk[k].dataType())) {
                continue;
            }
            RuntimeFilterPlacement.Target t = RuntimeFilterPlacement.find(streamPlan(), a.exprId());
            if (t != null) {
                JoinKeySet set = JoinKeySet.of(bk[k].eval(rel.rows), rel.numRows());
                if (!set.contiguous()) { // a whole dimension's keys: decoding the key column first would cost, not save
                    filters = filters.with(t.scan(), new JoinKeyFilter(t.column(), Shared.broadcast(ctx, set)));
                }
            }
        }
        return filters;
    }

    @Override
    public List<io.ember.sql.execution.metric.MetricDef> metricDefs() {
        return List.of(io.ember.sql.execution.metric.MetricDef.NUM_OUTPUT_ROWS,
                io.ember.sql.execution.metric.MetricDef.BUILD_DATA_SIZE, io.ember.sql.execution.metric.MetricDef.BUILD_TIME);
    }
}
