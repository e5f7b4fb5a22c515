package io.ember.sql.planning;

import io.ember.sql.execution.GlobalLimitExec;
import io.ember.sql.execution.LocalLimitExec;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SortExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.Limit;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Sort;
import java.util.Optional;

/**
 * Limits: a limit over a global sort is a top-n (each partition sorts and keeps its first n,
 * one partition merges them and keeps n), avoiding a full range shuffle; any other limit takes
 * n per partition, then n overall in one partition.
 */
final class LimitStrategy implements Strategy {
    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (!(plan instanceof Limit l)) {
            return Optional.empty();
        }
        int n = l.limit();
        if (l.child() instanceof Sort s && s.global()) {
            SparkPlan child = planner.planChild(s.child());
            SparkPlan perPartition = new LocalLimitExec(n, new SortExec(s.order(), false, child));
            SparkPlan merged = new SortExec(s.order(), false, new ShuffleExchangeExec(Partitioning.SINGLE, perPartition));
            return Optional.of(new GlobalLimitExec(n, merged));
        }
        return Optional.of(new GlobalLimitExec(n, new LocalLimitExec(n, planner.planChild(l.child()))));
    }
}
