package io.ember.sql.planning;

import io.ember.sql.SqlConf;
import io.ember.sql.execution.Distribution;
import io.ember.sql.execution.Partitioning;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SortExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts an exchange under every operator whose child's partitioning does not satisfy the
 * distribution the operator requires of it: one partition for {@code AllTuples}, a hash
 * partitioning for clustered and hash-clustered requirements, a range partitioning for
 * ordered ones ({@code spark.sql.shuffle.partitions} partitions). Children that must be
 * co-partitioned (hash-clustered, as the two sides of an equi-join) are brought to the same
 * number of partitions. A child whose rows must be in an order within partitions (sort-merge
 * joins) that its output does not already have gets a local {@link SortExec} above the exchange.
 */
final class EnsureRequirements implements Rule<SparkPlan> {
    private final SqlConf conf;

    EnsureRequirements(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    public SparkPlan apply(SparkPlan plan) {
        return plan.transformUp(this::ensure);
    }

    private SparkPlan ensure(SparkPlan node) {
        List<SparkPlan> children = node.children();
        if (children.isEmpty()) {
            return node;
        }
        List<Distribution> required = node.requiredChildDistribution();
        Partitioning coPartitioning = coPartitioning(children, required);
        int coPartitions = coPartitioning.numPartitions();
        List<SparkPlan> fixed = new ArrayList<>(children.size());
        boolean changed = false;
        for (int i = 0; i < children.size(); i++) {
            SparkPlan c = children.get(i);
            Distribution d = required.get(i);
            SparkPlan n = c;
            if (d instanceof Distribution.HashClustered h) {
                Partitioning p = c.outputPartitioning();
                if (!(p.satisfies(d) && p.numPartitions() == coPartitions && sameKind(p, coPartitioning))) {
                    n = new ShuffleExchangeExec(coPartitioning instanceof Partitioning.Bucketed
                            ? new Partitioning.Bucketed(h.keys(), coPartitions)
                            : new Partitioning.Hash(h.keys(), coPartitions), c);
                }
            } else if (!c.outputPartitioning().satisfies(d)) {
                n = new ShuffleExchangeExec(partitioningFor(d), c);
            }
            List<SortOrder> order = node.requiredChildOrdering().get(i);
            if (!order.isEmpty() && !ordered(n.outputOrdering(), order)) {
                n = new SortExec(order, false, n);
            }
            changed |= n != c;
            fixed.add(n);
        }
        return changed ? replaceChildren(node, fixed) : node;
    }

    /** True if rows in {@code actual} order are also in {@code required} order (it is a prefix). */
    private static boolean ordered(List<SortOrder> actual, List<SortOrder> required) {
        if (actual.size() < required.size()) {
            return false;
        }
        for (int i = 0; i < required.size(); i++) {
            SortOrder a = actual.get(i), r = required.get(i);
            if (!a.child().equals(r.child()) || a.ascending() != r.ascending()
                    || a.nullsFirst() != r.nullsFirst()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The placement hash-clustered children share: the satisfying hash (or bucketed) placement
     * with the most partitions (a bucketed one on a tie, as it needs no exchange), else a hash
     * placement over the default count. Children placed otherwise are exchanged to match it,
     * as Spark shuffles the other side of a join to a bucketed side's bucket count.
     */
    private Partitioning coPartitioning(List<SparkPlan> children, List<Distribution> required) {
        Partitioning best = null;
        for (int i = 0; i < children.size(); i++) {
            if (required.get(i) instanceof Distribution.HashClustered h) {
                Partitioning p = children.get(i).outputPartitioning();
                if ((p instanceof Partitioning.Hash || p instanceof Partitioning.Bucketed) && p.satisfies(h)
                        && (best == null || p.numPartitions() > best.numPartitions()
                        || p.numPartitions() == best.numPartitions() && p instanceof Partitioning.Bucketed)) {
                    best = p;
                }
            }
        }
        return best != null ? best : new Partitioning.Hash(List.of(), conf.shufflePartitions());
    }

    private static boolean sameKind(Partitioning a, Partitioning b) {
        return a.getClass() == b.getClass();
    }

    private Partitioning partitioningFor(Distribution d) {
        if (d instanceof Distribution.AllTuples) {
            return Partitioning.SINGLE;
        }
        if (d instanceof Distribution.Clustered c) {
            return new Partitioning.Hash(c.clustering(), conf.shufflePartitions());
        }
        if (d instanceof Distribution.HashClustered h) {
            return new Partitioning.Hash(h.keys(), conf.shufflePartitions());
        }
        if (d instanceof Distribution.Ordered o) {
            return new Partitioning.Range(o.ordering(), conf.shufflePartitions());
        }
        throw new IllegalArgumentException("no partitioning for " + d);
    }

    private static SparkPlan replaceChildren(SparkPlan node, List<SparkPlan> children) {
        int[] i = {0};
        return node.mapChildren(c -> children.get(i[0]++));
    }
}
