package io.ember.sql.planning;

import io.ember.sql.execution.Distribution;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SortMergeJoinExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets adaptive execution split a sort-merge join's skewed partitions only where nothing
 * relies on the join's output partitioning: no operator above it, up to the nearest exchange,
 * requires a distribution of its input (splitting a partition scatters a key over tasks).
 * Conservative: any requirement on the path counts, whichever child it concerns.
 */
final class MarkSkewSplittableJoins implements Rule<SparkPlan> {
    @Override
    public SparkPlan apply(SparkPlan plan) {
        return mark(plan, false);
    }

    private static SparkPlan mark(SparkPlan node, boolean partitioningNeeded) {
        List<SparkPlan> children = node.children();
        List<Distribution> required = node.requiredChildDistribution();
        List<SparkPlan> marked = new ArrayList<>(children.size());
        boolean changed = false;
        for (int i = 0; i < children.size(); i++) {
            boolean needed = !(node instanceof ShuffleExchangeExec)
                    && (partitioningNeeded || !(required.get(i) instanceof Distribution.Unspecified));
            SparkPlan c = mark(children.get(i), needed);
            changed |= c != children.get(i);
            marked.add(c);
        }
        SparkPlan out = node;
        if (changed) {
            int[] i = {0};
            out = node.mapChildren(c -> marked.get(i[0]++));
        }
        if (out instanceof SortMergeJoinExec j) {
            out = j.withSkewSplittable(!partitioningNeeded);
        }
        return out;
    }
}
