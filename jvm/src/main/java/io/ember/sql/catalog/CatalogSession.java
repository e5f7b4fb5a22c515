package io.ember.sql.catalog;

import io.ember.sql.SqlConf;
import io.ember.sql.plans.LogicalPlan;

/**
 * What the catalog needs from the session it serves: analysis of the plans it is handed (the
 * SQL parser passes them unresolved), the session's settings, and its cache of query results. The session implements it;
 * tests pass a small double.
 */
public interface CatalogSession {
    /** {@code plan} analyzed and checked; throws {@code AnalysisException}. */
    LogicalPlan analyze(LogicalPlan plan);

    /** The session's current settings. */
    SqlConf conf();

    /** Drops the session's cached data of {@code analyzed}, if any (a dropped or rewritten table or view). */
    void uncache(LogicalPlan analyzed);
}
