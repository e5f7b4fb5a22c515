package io.ember.sql.planning;

import io.ember.sql.SqlConf;
import io.ember.sql.execution.Distribution;
import io.ember.sql.execution.ShuffleExchangeExec;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns bucketed scans into ordinary ones where reading a bucket per partition buys nothing,
 * as Spark's rule of the same name: every one when {@code spark.sql.sources.bucketing.enabled}
 * is false; otherwise, when {@code spark.sql.sources.bucketing.autoBucketedScan.enabled} (default
 * true), each one whose placement no operator above uses: an operator that needs its input
 * clustered or hash-clustered, which the scan's placement satisfies, reached through operators
 * that pass their child's placement on unchanged (projects, filters, local sorts). A bucketed
 * scan has at most one task per bucket, so one nobody needs would only cost parallelism.
 * Runs before {@link EnsureRequirements}.
 */
final class DisableUnnecessaryBucketedScan implements Rule<SparkPlan> {
    static final String ENABLED = "spark.sql.sources.bucketing.enabled";
    static final String AUTO = "spark.sql.sources.bucketing.autoBucketedScan.enabled";

    private final SqlConf conf;

    DisableUnnecessaryBucketedScan(SqlConf conf) {
        this.conf = conf;
    }

    @Override
    public SparkPlan apply(SparkPlan plan) {
        boolean enabled = Boolean.parseBoolean(conf.get(ENABLED, "true"));
        boolean auto = Boolean.parseBoolean(conf.get(AUTO, "true"));
        if (enabled && !auto) {
            return plan;
        }
        return visit(plan, false, enabled);
    }

    /** {@code used}: an operator above relies on this plan's placement. */
    private SparkPlan visit(SparkPlan node, boolean used, boolean enabled) {
        if (node instanceof BucketedScan scan && scan.bucketed()) {
            return used && enabled ? node : scan.withoutBucketing();
        }
        List<SparkPlan> children = node.children();
        if (children.isEmpty()) {
            return node;
        }
        List<Distribution> required = node.requiredChildDistribution();
        List<SparkPlan> out = new ArrayList<>(children.size());
        boolean changed = false;
        for (int i = 0; i < children.size(); i++) {
            SparkPlan c = children.get(i);
            Distribution d = required.get(i);
            boolean childUsed;
            if (d instanceof Distribution.Clustered || d instanceof Distribution.HashClustered) {
                childUsed = c.outputPartitioning().satisfies(d);
            } else {
                childUsed = used && !(node instanceof ShuffleExchangeExec) && children.size() == 1
                        && node.outputPartitioning().equals(c.outputPartitioning());
            }
            SparkPlan v = visit(c, childUsed, enabled);
            changed |= v != c;
            out.add(v);
        }
        if (!changed) {
            return node;
        }
        int[] k = {0};
        return node.mapChildren(c -> out.get(k[0]++));
    }
}
