package io.ember.sql.catalog;

import io.ember.sql.SqlConf;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.BucketSpec;
import java.util.List;
import java.util.Map;

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

    /** After a table's data changed: {@code fresh} is cached at the level {@code old} was, and {@code old} uncached. */
    void refreshCache(LogicalPlan old, LogicalPlan fresh);

    /**
     * Runs the job writing the rows of {@code analyzed} (column names as they should be stored)
     * to {@code path} in {@code format} under save mode {@code mode}, in directories of the
     * {@code partitionBy} columns, into the files of the buckets of {@code buckets} (null: no
     * buckets; each file sorted by the spec's sort columns).
     */
    void write(LogicalPlan analyzed, String format, String path, String mode, List<String> partitionBy,
            BucketSpec buckets, Map<String, String> options);

    /** Runs a job counting the rows of {@code analyzed}. */
    long count(LogicalPlan analyzed);
}
