package io.ember.sql.planning;

import io.ember.sql.SqlConf;
import io.ember.sql.execution.BroadcastHashJoinExec;
import io.ember.sql.execution.JoinSide;
import io.ember.sql.execution.ShuffledHashJoinExec;
import io.ember.sql.execution.SortMergeJoinExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.And;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.Join;
import io.ember.sql.plans.JoinType;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.MapType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans joins. Equality conjuncts between a left-only and a right-only expression become join
 * keys; the other conjuncts, if any, are checked on each pair of rows with equal keys. With keys: a broadcast hash join when a side the join type lets us build is under
 * {@code spark.sql.autoBroadcastJoinThreshold} by the planner's {@link SizeEstimator} (the smaller such
 * side), else a sort-merge join ({@code spark.sql.join.preferSortMergeJoin}, default true, as in
 * Spark; keys of a type that cannot be ordered excepted) or a shuffled hash join. Without keys (cross and non-equi joins): a broadcast
 * nested-loop join building the side the type allows (the smaller when both do).
 */
final class JoinStrategy implements Strategy {
    private final SqlConf conf;
    private final SizeEstimator sizes;

    JoinStrategy(SqlConf conf, SizeEstimator sizes) {
        this.conf = conf;
        this.sizes = sizes;
    }

    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (!(plan instanceof Join j)) {
            return Optional.empty();
        }
        List<Expression> leftKeys = new ArrayList<>();
        List<Expression> rightKeys = new ArrayList<>();
        List<Expression> others = new ArrayList<>();
        Expression condition = j.condition().orElse(null);
        if (condition != null) {
            Set<Object> leftIds = ids(j.left().output());
            Set<Object> rightIds = ids(j.right().output());
            for (Expression c : ScanStrategy.conjuncts(condition)) {
                if (c.nodeName().equals("EqualTo") && c.children().size() == 2) {
                    Expression a = c.children().get(0), b = c.children().get(1);
                    if (within(a, leftIds) && within(b, rightIds)) {
                        leftKeys.add(a);
                        rightKeys.add(b);
                        continue;
                    }
                    if (within(a, rightIds) && within(b, leftIds)) {
                        leftKeys.add(b);
                        rightKeys.add(a);
                        continue;
                    }
                }
                others.add(c);
            }
        }
        // pairs already have equal keys: what is left to check per pair is the other conjuncts
        Expression rest = others.stream().reduce(And::new).orElse(null);
        SparkPlan left = planner.planChild(j.left());
        SparkPlan right = planner.planChild(j.right());
        JoinType type = j.joinType();
        long leftSize = sizes.sizeInBytes(j.left());
        long rightSize = sizes.sizeInBytes(j.right());
        boolean buildRightOk = type != JoinType.RIGHT_OUTER && type != JoinType.FULL_OUTER;
        boolean buildLeftOk = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT_OUTER;
        if (leftKeys.isEmpty()) {
            JoinSide side = buildRightOk && (!buildLeftOk || rightSize <= leftSize) ? JoinSide.RIGHT
                    : buildLeftOk ? JoinSide.LEFT : rightSize <= leftSize ? JoinSide.RIGHT : JoinSide.LEFT;
            return Optional.of(new BroadcastHashJoinExec(List.of(), List.of(), type, side, condition, left, right));
        }
        long threshold = conf.autoBroadcastJoinThreshold();
        boolean rightSmall = threshold >= 0 && buildRightOk && rightSize <= threshold;
        boolean leftSmall = threshold >= 0 && buildLeftOk && leftSize <= threshold;
        if (rightSmall && (!leftSmall || rightSize <= leftSize)) {
            return Optional.of(new BroadcastHashJoinExec(leftKeys, rightKeys, type, JoinSide.RIGHT, rest, left, right));
        }
        if (leftSmall) {
            return Optional.of(new BroadcastHashJoinExec(leftKeys, rightKeys, type, JoinSide.LEFT, rest, left, right));
        }
        if (conf.preferSortMergeJoin() && sortable(leftKeys)) {
            return Optional.of(new SortMergeJoinExec(leftKeys, rightKeys, type, rest, left, right, false,
                    rightSize <= leftSize ? JoinSide.RIGHT : JoinSide.LEFT));
        }
        return Optional.of(new ShuffledHashJoinExec(leftKeys, rightKeys, type, rest, left, right));
    }

    /** Keys a sort can order (maps cannot be ordered). */
    private static boolean sortable(List<Expression> keys) {
        return keys.stream().noneMatch(k -> k.dataType() instanceof MapType);
    }

    private static Set<Object> ids(List<AttributeReference> attrs) {
        return attrs.stream().map(AttributeReference::exprId).collect(Collectors.toSet());
    }

    private static boolean within(Expression e, Set<Object> ids) {
        Set<AttributeReference> refs = e.references();
        return !refs.isEmpty() && refs.stream().allMatch(r -> ids.contains(r.exprId()));
    }
}
