package io.ember.sql.plans.statements;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.plans.LogicalPlan;
import java.util.Set;

/**
 * What commands act on: the session's settings, catalog, functions and cache. The session
 * provides it (io.ember.sql.api); tests may pass a double. Implementations are thread-safe.
 */
public interface CommandContext {
    /** The session's live settings ({@code SET} changes them). */
    SqlConf conf();

    /** The session catalog; throws {@code UnsupportedOperationException} where the session has none. */
    SessionCatalog catalog();

    /** The names of the registered functions. */
    Set<String> functionNames();

    /** The plan analyzed (and checked) against the session. */
    LogicalPlan analyze(LogicalPlan plan);

    /** The text {@code df.explain(mode)} prints for the query ({@code simple}, {@code extended}, ...). */
    String explain(LogicalPlan plan, String mode);

    /** Caches an analyzed query under a name; unless {@code lazy}, builds the cache now. */
    void cache(LogicalPlan analyzed, String name, boolean lazy);

    /** Drops a query's cached data; true when it was cached. */
    boolean uncache(LogicalPlan analyzed);

    void clearCache();
}
