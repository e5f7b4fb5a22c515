package io.ember.sql.execution;

import io.ember.rdd.RDDContext;
import io.ember.sql.SqlConf;
import io.ember.sql.execution.metric.NodeMetrics;
import io.ember.sql.execution.metric.PlanMetrics;

/**
 * What a physical plan needs to run: the engine that runs its RDDs, the query's settings, where
 * adaptive execution records its decisions (the query's own log, for explain), the
 * operators' metrics of this run ({@link PlanMetrics#NONE} when nobody measures it), the
 * shuffles its equal exchanges share ({@link ExchangeReuse}, one per run) and the key sets its
 * runtime filters collected ({@link RuntimeKeySets}, one per run).
 */
public record ExecutionContext(RDDContext rdds, SqlConf conf, AdaptiveLog adaptive, PlanMetrics metrics,
                               ExchangeReuse reuse, RuntimeKeySets keySets) {
    public ExecutionContext {
        metrics = metrics == null ? PlanMetrics.NONE : metrics;
        reuse = reuse == null ? new ExchangeReuse() : reuse;
        keySets = keySets == null ? new RuntimeKeySets() : keySets;
    }

    public ExecutionContext(RDDContext rdds, SqlConf conf, AdaptiveLog adaptive) {
        this(rdds, conf, adaptive, PlanMetrics.NONE, null, null);
    }

    /** A context whose adaptive decisions nobody reads. */
    public ExecutionContext(RDDContext rdds, SqlConf conf) {
        this(rdds, conf, new AdaptiveLog());
    }

    /** The same context measuring into {@code m}. */
    public ExecutionContext withMetrics(PlanMetrics m) {
        return new ExecutionContext(rdds, conf, adaptive, m, reuse, keySets);
    }

    /** The metrics of {@code node} in this run. */
    public NodeMetrics metrics(SparkPlan node) {
        return metrics.of(node);
    }
}
