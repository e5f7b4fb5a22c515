package io.ember.sql.catalog;

/**
 * What the sessions of one application share: the global temporary views (database
 * {@code global_temp}). A session made with {@code newSession()} shares its parent's; a session
 * made on its own starts a new one, as Spark's {@code SharedState}.
 *
 * <p>Threading: thread-safe.
 */
public final class SharedCatalogState {
    /** The database of global temporary views ({@code spark.sql.globalTempDatabase}). */
    public static final String GLOBAL_TEMP_DATABASE = "global_temp";

    private final TempViews globalTempViews = new TempViews();

    TempViews globalTempViews() {
        return globalTempViews;
    }
}
