package io.ember.python.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.api.catalog.Catalog;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.StructType;
import io.ember.storage.StorageLevel;
import java.util.LinkedHashMap;
import java.util.Map;

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

    public String currentCatalog() {
        return catalog.currentCatalog();
    }

    public void setCurrentCatalog(String catalogName) {
        catalog.setCurrentCatalog(catalogName);
    }

    /** JSON array of {@code CatalogMetadata} records. */
    public String listCatalogs() {
        return json(catalog.listCatalogs());
    }

    /** JSON array of {@code Database} records. */
    public String listDatabases(String pattern) {
        return json(catalog.listDatabases(pattern));
    }

    public String getDatabase(String dbName) {
        return json(catalog.getDatabase(dbName));
    }

    /** {@code propertiesJson}: an object of strings ({@code comment}, {@code location}). */
    public void createDatabase(String dbName, boolean ifNotExists, String propertiesJson) throws IOException {
        catalog.createDatabase(dbName, ifNotExists, strings(propertiesJson));
    }

    public void dropDatabase(String dbName, boolean ifExists, boolean cascade) {
        catalog.dropDatabase(dbName, ifExists, cascade);
    }

    public String listViews(String dbName, String pattern) {
        return json(catalog.listViews(dbName, pattern));
    }

    /** {@code schemaJson}: Spark's JSON schema or null (inferred); {@code optionsJson}: an object of strings. */
    public Dataset<Row> createTable(String tableName, String source, String schemaJson, String description,
            String optionsJson) throws IOException {
        StructType schema = schemaJson == null ? null : (StructType) DataTypeJson.fromJson(schemaJson);
        return catalog.createTable(tableName, source, schema, description, strings(optionsJson));
    }

    private static Map<String, String> strings(String objectJson) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        JSON.readTree(objectJson).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    public void dropTable(String tableName, boolean ifExists, boolean purge) {
        catalog.dropTable(tableName, ifExists, purge);
    }

    public void dropView(String viewName, boolean ifExists) {
        catalog.dropView(viewName, ifExists);
    }

    public String listPartitions(String tableName) {
        return json(catalog.listPartitions(tableName));
    }

    public String getTableProperties(String tableName) {
        return json(catalog.getTableProperties(tableName));
    }

    public String getCreateTableString(String tableName) {
        return catalog.getCreateTableString(tableName);
    }

    public void truncateTable(String tableName) {
        catalog.truncateTable(tableName);
    }

    public void analyzeTable(String tableName, boolean noScan) {
        catalog.analyzeTable(tableName, noScan);
    }

    public void refreshTable(String tableName) {
        catalog.refreshTable(tableName);
    }

    public void refreshByPath(String path) {
        catalog.refreshByPath(path);
    }

    public void recoverPartitions(String tableName) {
        catalog.recoverPartitions(tableName);
    }

    public boolean functionExists(String functionName) {
        return catalog.functionExists(functionName);
    }

    public String getFunction(String functionName) {
        return json(catalog.getFunction(functionName));
    }

    public String listFunctions(String pattern) {
        return json(catalog.listFunctions(pattern));
    }
}
