package io.ember.sql.api.catalog;

import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.catalog.MultipartName;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.catalog.TableInfo;
import io.ember.sql.expressions.AttributeReference;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark.catalog()}: Spark's Catalog API over a session's {@link SessionCatalog} and its
 * cache of query results. Names are as the Dataset API takes them ({@code "t"},
 * {@code "db.t"}, {@code "global_temp.v"}, backquotes for odd names).
 *
 * <p>Threading: thread-safe, as the session catalog and cache manager are.
 */
public final class Catalog {
    private final SparkSession session;

    public Catalog(SparkSession session) {
        this.session = session;
    }

    private SessionCatalog catalog() {
        return session.sessionCatalog();
    }

    public String currentDatabase() {
        return catalog().currentDatabase();
    }

    public void setCurrentDatabase(String dbName) {
        catalog().setCurrentDatabase(dbName);
    }

    public boolean databaseExists(String dbName) {
        return catalog().databaseExists(dbName);
    }

    public List<Table> listTables() {
        return listTables(null, null);
    }

    public List<Table> listTables(String dbName) {
        return listTables(dbName, null);
    }

    /** Tables and views of {@code dbName} (null: the current database) matching {@code pattern} (null: all). */
    public List<Table> listTables(String dbName, String pattern) {
        List<Table> out = new ArrayList<>();
        for (TableInfo t : catalog().listTables(dbName, pattern)) {
            out.add(table(t));
        }
        return out;
    }

    private static Table table(TableInfo t) {
        return new Table(t.name(), t.database() == null || t.temporary() ? null : "spark_catalog",
                t.database() == null ? List.of() : List.of(t.database()), t.description(), t.tableType(), t.temporary());
    }

    /** The table or view {@code tableName} refers to. */
    public Table getTable(String tableName) {
        List<String> parts = MultipartName.parse(tableName);
        session.table(tableName);
        String name = parts.get(parts.size() - 1);
        String db = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        for (TableInfo t : catalog().listTables(db, null)) {
            if (t.name().equalsIgnoreCase(name) && (db == null || t.database() != null)) {
                return table(t);
            }
        }
        throw new IllegalStateException("table " + tableName + " resolved but is not listed");
    }

    public boolean tableExists(String tableName) {
        return catalog().tableExists(MultipartName.parse(tableName));
    }

    public boolean tableExists(String dbName, String tableName) {
        return catalog().tableExists(List.of(dbName, tableName));
    }

    /** The columns of a table or view, in order. */
    public List<Column> listColumns(String tableName) {
        List<Column> out = new ArrayList<>();
        for (AttributeReference a : session.table(tableName).logicalPlan().output()) {
            out.add(new Column(a.name(), null, a.dataType().simpleString(), a.nullable(), false, false, false));
        }
        return out;
    }

    public List<Column> listColumns(String dbName, String tableName) {
        return listColumns(dbName + "." + tableName);
    }

    public boolean dropTempView(String viewName) {
        return catalog().dropTempView(viewName);
    }

    public boolean dropGlobalTempView(String viewName) {
        return catalog().dropGlobalTempView(viewName);
    }

    public boolean isCached(String tableName) {
        return session.cacheManager().lookupCachedData(session.table(tableName).logicalPlan()).isPresent();
    }

    public void cacheTable(String tableName) {
        session.table(tableName).cache();
    }

    public void cacheTable(String tableName, StorageLevel storageLevel) {
        session.table(tableName).persist(storageLevel);
    }

    public void uncacheTable(String tableName) {
        session.table(tableName).unpersist();
    }

    public void clearCache() {
        session.cacheManager().clearCache();
    }

    /** A Dataset over the table or view (what {@code spark.table} gives). */
    public Dataset<Row> table(String tableName) {
        return session.table(tableName);
    }
}
