package io.ember.sql.execution;

import io.ember.rdd.RDDContext;
import io.ember.sql.SqlConf;

/** What a physical plan needs to run: the engine that runs its RDDs and the query's settings. */
public record ExecutionContext(RDDContext rdds, SqlConf conf) {}
