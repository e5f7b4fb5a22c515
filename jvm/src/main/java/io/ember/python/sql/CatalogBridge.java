package io.ember.python.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.api.catalog.Catalog;
import io.ember.storage.StorageLevel;

/**
 * The Py4J face of a session's catalog for {@code ember.sql.catalog}: {@link Catalog}'s calls,
 * with lists of tables, columns, databases and functions returned as JSON arrays of objects
 * whose fields are the records' (PySpark's namedtuple fields), so a listing is one call.
 *
 * <p>Threading: Py4J calls arrive on any thread; the catalog is thread-safe.
 */
public final class CatalogBridge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession session;
    private final Catalog catalog;

    public CatalogBridge(SparkSession session) {
        this.session = session;
        this.catalog = session.catalog();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog listing is not JSON: " + e.getMessage(), e);
        }
    }

    /** {@code df.createTempView} and its three siblings. */
    public void createView(Dataset<Row> df, String name, boolean replace, boolean global) {
        if (global) {
            session.sessionCatalog().createGlobalTempView(name, df.logicalPlan(), replace);
        } else {
            session.sessionCatalog().createTempView(name, df.logicalPlan(), replace);
        }
    }

    public Dataset<Row> table(String tableName) {
        return session.table(tableName);
    }

    public String currentDatabase() {
        return catalog.currentDatabase();
    }

    public void setCurrentDatabase(String dbName) {
        catalog.setCurrentDatabase(dbName);
    }

    public boolean databaseExists(String dbName) {
        return catalog.databaseExists(dbName);
    }

    /** JSON array of {@code Table} records. */
    public String listTables(String dbName, String pattern) {
        return json(catalog.listTables(dbName, pattern));
    }

    /** JSON object of a {@code Table} record. */
    public String getTable(String tableName) {
        return json(catalog.getTable(tableName));
    }

    public boolean tableExists(String tableName) {
        return catalog.tableExists(tableName);
    }

    /** JSON array of {@code Column} records. */
    public String listColumns(String tableName) {
        return json(catalog.listColumns(tableName));
    }

    public boolean dropTempView(String viewName) {
        return catalog.dropTempView(viewName);
    }

    public boolean dropGlobalTempView(String viewName) {
        return catalog.dropGlobalTempView(viewName);
    }

    public boolean isCached(String tableName) {
        return catalog.isCached(tableName);
    }

    /** Caches at {@code level} (names as for RDDs; null: MEMORY_AND_DISK). */
    public void cacheTable(String tableName, String level) {
        if (level == null) {
            catalog.cacheTable(tableName);
        } else {
            catalog.cacheTable(tableName, StorageLevel.fromName(level));
        }
    }

    public void uncacheTable(String tableName) {
        catalog.uncacheTable(tableName);
    }

    public void clearCache() {
        catalog.clearCache();
    }

    /** {@code df.write...saveAsTable(name)}; {@code writeJson} as {@link SqlBridge#write} takes it, without a path. */
    public void saveAsTable(Dataset<Row> df, String tableName, String writeJson) throws IOException {
        SqlBridge.writer(df, writeJson).saveAsTable(tableName);
    }

    /** {@code df.write.insertInto(name, overwrite)}. */
    public void insertInto(Dataset<Row> df, String tableName, boolean overwrite) {
        df.write().mode(overwrite ? "overwrite" : "append").insertInto(tableName);
    }
}
