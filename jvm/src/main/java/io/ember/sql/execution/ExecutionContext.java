package io.ember.sql.execution;

import io.ember.rdd.RDDContext;
import io.ember.sql.SqlConf;

/**
 * What a physical plan needs to run: the engine that runs its RDDs, the query's settings, and
 * where adaptive execution records its decisions (the query's own log, for explain).
 */
public record ExecutionContext(RDDContext rdds, SqlConf conf, AdaptiveLog adaptive) {
    /** A context whose adaptive decisions nobody reads. */
    public ExecutionContext(RDDContext rdds, SqlConf conf) {
        this(rdds, conf, new AdaptiveLog());
    }
}
