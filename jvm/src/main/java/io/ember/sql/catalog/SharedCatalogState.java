package io.ember.sql.catalog;

import io.ember.sql.SqlConf;

/**
 * What the sessions of one application share: the global temporary views (database
 * {@code global_temp}) and the warehouse of persistent tables. A session made with
 * {@code newSession()} shares its parent's; a session made on its own starts a new one, as
 * Spark's {@code SharedState}.
 *
 * <p>The warehouse directory is fixed at first use, as Spark's static
 * {@code spark.sql.warehouse.dir}: the application's setting, else the first session's, else
 * {@code spark-warehouse} in the working directory.
 *
 * <p>Threading: thread-safe.
 */
public final class SharedCatalogState {
    /** The database of global temporary views ({@code spark.sql.globalTempDatabase}). */
    public static final String GLOBAL_TEMP_DATABASE = "global_temp";
    public static final String WAREHOUSE_DIR = "spark.sql.warehouse.dir";

    private final TempViews globalTempViews = new TempViews();
    private final String configuredWarehouseDir;
    private Warehouse warehouse;
    /** Ids of SQL query runs ({@code spark.sql.execution.id}), unique across the sessions sharing this. */
    private final java.util.concurrent.atomic.AtomicLong nextExecutionId = new java.util.concurrent.atomic.AtomicLong();

    /** {@code warehouseDir}: the application's {@code spark.sql.warehouse.dir}, or null. */
    public SharedCatalogState(String warehouseDir) {
        this.configuredWarehouseDir = warehouseDir;
    }

    TempViews globalTempViews() {
        return globalTempViews;
    }

    /** The warehouse, opened at the first call with {@code conf}'s directory unless the application set one. */
    synchronized Warehouse warehouse(SqlConf conf) {
        if (warehouse == null) {
            String dir = configuredWarehouseDir != null ? configuredWarehouseDir : conf.get(WAREHOUSE_DIR, "spark-warehouse");
            warehouse = new Warehouse(Warehouse.localPath(dir));
        }
        return warehouse;
    }

    /** A new SQL execution id: 0, 1, 2, ... */
    public long newExecutionId() {
        return nextExecutionId.getAndIncrement();
    }
}
