package io.ember.sql.planning;

import io.ember.sql.SqlConf;
import io.ember.sql.execution.SparkPlan;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans an optimized logical plan into a physical one: the first strategy that knows a node
 * plans it (and, through {@link #planChild}, its children); then the preparation rules run
 * over the whole physical tree, {@link EnsureRequirements} inserting the exchanges that the
 * operators' required distributions call for. Planning reads the session's settings from a
 * snapshot taken here; a planner is used from one thread.
 *
 * <p>Extra strategies (a session's {@link PlannerExtensions}) are tried before the built-in
 * ones, as Spark's {@code experimental.extraStrategies}: they plan nodes the sql layer cannot
 * (Python UDF evaluation, whose operator lives in the python layer).
 */
public final class QueryPlanner {
    private final SqlConf conf;
    private final List<Strategy> strategies;
    private final List<Rule<SparkPlan>> preparations;

    public QueryPlanner(SqlConf conf) {
        this(conf, List.of());
    }

    public QueryPlanner(SqlConf conf, List<? extends Strategy> extraStrategies) {
        this(conf, extraStrategies, SizeEstimator.STATS);
    }

    /** A planner choosing broadcast joins by {@code sizes}. */
    public QueryPlanner(SqlConf conf, List<? extends Strategy> extraStrategies, SizeEstimator sizes) {
        this.conf = conf.snapshot();
        List<Strategy> all = new ArrayList<>(extraStrategies);
        all.addAll(List.of(new WindowStrategy(), new ScanStrategy(), new AggregateStrategy(), new LimitStrategy(),
                new JoinStrategy(this.conf, sizes), new PartitioningStrategy(this.conf), new BasicOperators()));
        this.strategies = List.copyOf(all);
        this.preparations = List.of(new DisableUnnecessaryBucketedScan(this.conf), new EnsureRequirements(this.conf), new KeepCoPartitionedExchanges(),
                new MarkSkewSplittableJoins());
    }

    public SqlConf conf() {
        return conf;
    }

    public SparkPlan plan(LogicalPlan optimized) {
        SparkPlan plan = planChild(optimized);
        for (Rule<SparkPlan> r : preparations) {
            plan = r.apply(plan);
        }
        return plan;
    }

    /** Plans a subtree without the preparation rules (strategies call this for children). */
    public SparkPlan planChild(LogicalPlan logical) {
        for (Strategy s : strategies) {
            Optional<SparkPlan> p = s.apply(logical, this);
            if (p.isPresent()) {
                return p.get();
            }
        }
        throw new UnsupportedOperationException("no physical plan for " + logical.nodeName() + ":\n"
                + logical.treeString());
    }
}
