package io.ember.sql.planning;

import io.ember.sql.execution.Distribution;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SortMergeJoinExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.rules.Rule;

/**
 * Adaptive coalescing merges reduce partitions per exchange; an operator whose children must
 * stay co-partitioned (two hash-clustered requirements) only coordinates the merging when both
 * children are exchanges (or, for a sort-merge join, local sorts directly over exchanges). Otherwise this rule marks the exchanges feeding its children (down
 * to the nearest one on each path) as not coalescible, so partition i still means the same
 * keys on both sides.
 */
final class KeepCoPartitionedExchanges implements Rule<SparkPlan> {
    @Override
    public SparkPlan apply(SparkPlan plan) {
        return plan.transformUp(node -> {
            long clustered = node.requiredChildDistribution().stream()
                    .filter(d -> d instanceof Distribution.HashClustered).count();
            if (clustered < 2 || node.children().stream().allMatch(c -> c instanceof ShuffleExchangeExec)
                    || node instanceof SortMergeJoinExec
                    && node.children().stream().allMatch(c -> SortMergeJoinExec.sortedExchange(c) != null)) {
                return node;
            }
            return node.mapChildren(KeepCoPartitionedExchanges::pin);
        });
    }

    private static SparkPlan pin(SparkPlan p) {
        if (p instanceof ShuffleExchangeExec e) {
            return e.withCoalescible(false);
        }
        return p.mapChildren(KeepCoPartitionedExchanges::pin);
    }
}
