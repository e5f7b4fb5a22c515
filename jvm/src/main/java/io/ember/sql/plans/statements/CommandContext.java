package io.ember.sql.plans.statements;

import io.ember.sql.SqlConf;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.plans.LogicalPlan;
import java.util.List;
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

    /** The names of the functions every session starts with (the rest are the user's). */
    Set<String> builtinFunctionNames();

    /**
     * The class that implements a registered function ({@code DESCRIBE FUNCTION}'s {@code Class:}
     * line): the builder's class, or the class that registered it when the builder is a lambda.
     * Empty when no function has that name.
     */
    java.util.Optional<String> functionClass(String name);

    /** The plan analyzed (and checked) against the session. */
    LogicalPlan analyze(LogicalPlan plan);

    /** The text {@code df.explain(mode)} prints for the query ({@code simple}, {@code extended}, ...). */
    String explain(LogicalPlan plan, String mode);

    /** The schema of a table or view (or of a query when {@code name} is null). */
    io.ember.sql.types.StructType schema(List<String> name, LogicalPlan query);

    /** Caches a table or view by name; unless {@code lazy}, builds the cache now. */
    void cacheTable(List<String> name, boolean lazy);

    /** Drops a table's cached data; true when it was cached. */
    boolean uncacheTable(List<String> name);

    void clearCache();
}
