package io.ember.sql.execution;

import io.ember.rdd.RDDContext;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.metric.NodeMetrics;
import io.ember.sql.execution.metric.PlanMetrics;

/**
 * What a physical plan needs to run: the engine that runs its RDDs, the query's settings, where
 * adaptive execution records its decisions (the query's own log, for explain), the
 * operators' metrics of this run ({@link PlanMetrics#NONE} when nobody measures it), the
 * shuffles its equal exchanges share ({@link ExchangeReuse}, one per run), the key sets adaptive
 * joins collected ({@link RuntimeKeySets}, one per run), and the filters operators found for
 * scans below them while running ({@link RuntimeFilters}).
 */
public record ExecutionContext(RDDContext rdds, SqlConf conf, AdaptiveLog adaptive, PlanMetrics metrics,
                               ExchangeReuse reuse, RuntimeKeySets keySets, RuntimeFilters runtimeFilters) {
    public ExecutionContext {
        metrics = metrics == null ? PlanMetrics.NONE : metrics;
        reuse = reuse == null ? new ExchangeReuse() : reuse;
        keySets = keySets == null ? new RuntimeKeySets() : keySets;
        runtimeFilters = runtimeFilters == null ? RuntimeFilters.NONE : runtimeFilters;
    }

    public ExecutionContext(RDDContext rdds, SqlConf conf, AdaptiveLog adaptive) {
        this(rdds, conf, adaptive, PlanMetrics.NONE, null, null, null);
    }

    /** A context whose adaptive decisions nobody reads. */
    public ExecutionContext(RDDContext rdds, SqlConf conf) {
        this(rdds, conf, new AdaptiveLog());
    }

    /** The same context measuring into {@code m}. */
    public ExecutionContext withMetrics(PlanMetrics m) {
        return new ExecutionContext(rdds, conf, adaptive, m, reuse, keySets, runtimeFilters);
    }

    /** The same context with {@code f} as its runtime filters. */
    ExecutionContext withRuntimeFilters(RuntimeFilters f) {
        return f == runtimeFilters ? this : new ExecutionContext(rdds, conf, adaptive, metrics, reuse, keySets, f);
    }

    /** The metrics of {@code node} in this run. */
    public NodeMetrics metrics(SparkPlan node) {
        return metrics.of(node);
    }
}
