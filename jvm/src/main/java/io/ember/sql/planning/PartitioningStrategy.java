package io.ember.sql.planning;

import io.ember.sql.SqlConf;
import io.ember.sql.execution.CoalesceExec;
import io.ember.sql.execution.OffsetExec;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.SampleExec;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.DirectShufflePartitionId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.Offset;
import io.ember.sql.plans.Repartition;
import io.ember.sql.plans.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Repartition (round robin, by hash, by range: an exchange the adaptive rules leave alone, as
 * the user chose the count; coalesce: merged partitions), sample and offset.
 */
final class PartitioningStrategy implements Strategy {
    private final SqlConf conf;

    PartitioningStrategy(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    public Optional<SparkPlan> apply(LogicalPlan plan, QueryPlanner planner) {
        if (plan instanceof Repartition r) {
            SparkPlan child = planner.planChild(r.child());
            int n = r.numPartitions() > 0 ? r.numPartitions() : conf.shufflePartitions();
            if (!r.shuffle()) {
                return Optional.of(new CoalesceExec(n, child));
            }
            Partitioning p;
            if (r.byRange()) {
                List<SortOrder> order = new ArrayList<>();
                for (Expression e : r.partitionExprs()) {
                    order.add(e instanceof SortOrder s ? s : SortOrder.asc(e));
                }
                p = new Partitioning.Range(order, n);
            } else if (r.partitionExprs().size() == 1
                    && r.partitionExprs().get(0) instanceof DirectShufflePartitionId id) {
                p = new Partitioning.PassThrough(id.child(), n);
            } else if (!r.partitionExprs().isEmpty()) {
                p = new Partitioning.Hash(r.partitionExprs(), n);
            } else {
                p = n == 1 ? Partitioning.SINGLE : new Partitioning.RoundRobin(n);
            }
            return Optional.of(new ShuffleExchangeExec(p, child, r.numPartitions() <= 0));
        }
        if (plan instanceof Sample s) {
            return Optional.of(new SampleExec(s.lowerBound(), s.upperBound(), s.withReplacement(), s.seed(),
                    planner.planChild(s.child())));
        }
        if (plan instanceof Offset o) {
            return Optional.of(new OffsetExec(o.offset(), planner.planChild(o.child())));
        }
        return Optional.empty();
    }
}
