package io.ember.sql.api.catalog;

import io.ember.sql.AnalysisException;
import io.ember.sql.analysis.AnalysisErrors;
import io.ember.sql.api.Dataset;
import io.ember.sql.api.Row;
import io.ember.sql.api.SparkSession;
import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.catalog.DatabaseInfo;
import io.ember.sql.catalog.MultipartName;
import io.ember.sql.catalog.SessionCatalog;
import io.ember.sql.catalog.TableDefinition;
import io.ember.sql.catalog.TableInfo;
import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.FileSourceRelation;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code spark.catalog()}: Spark's Catalog API over a session's {@link SessionCatalog}, its
 * function registry and its cache of query results. Names are as the Dataset API takes them
 * ({@code "t"}, {@code "db.t"}, {@code "global_temp.v"}, backquotes for odd names). Functions
 * are in {@link CatalogFunctions}.
 *
 * <p>Threading: thread-safe, as the session catalog and cache manager are.
 */
public final class Catalog {
    static final String CATALOG = "spark_catalog";

    private final SparkSession session;
    private final CatalogFunctions functions;

    public Catalog(SparkSession session) {
        this.session = session;
        this.functions = new CatalogFunctions(session);
    }

    private SessionCatalog catalog() {
        return session.sessionCatalog();
    }

    // -- catalogs and databases --------------------------------------------------------------

    public String currentCatalog() {
        return CATALOG;
    }

    public void setCurrentCatalog(String catalogName) {
        if (!catalogName.equalsIgnoreCase(CATALOG)) {
            String q = AnalysisErrors.toSqlId(List.of(catalogName));
            throw new AnalysisException("CATALOG_NOT_FOUND", "The catalog " + q + " not found. Consider to set the SQL"
                    + " config `spark.sql.catalog." + catalogName + "` to a catalog plugin.", Map.of("catalogName", q));
        }
    }

    public List<CatalogMetadata> listCatalogs() {
        return List.of(new CatalogMetadata(CATALOG, null));
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

    public List<Database> listDatabases() {
        return listDatabases(null);
    }

    public List<Database> listDatabases(String pattern) {
        return catalog().listDatabases(pattern).stream().map(Catalog::database).toList();
    }

    public Database getDatabase(String dbName) {
        return database(catalog().getDatabase(dbName).orElseThrow(() -> schemaNotFound(dbName)));
    }

    private static Database database(DatabaseInfo d) {
        return new Database(d.name(), CATALOG, d.description(), d.locationUri());
    }

    private static AnalysisException schemaNotFound(String dbName) {
        String q = AnalysisErrors.toSqlId(List.of(CATALOG, dbName));
        return new AnalysisException("SCHEMA_NOT_FOUND", "The schema " + q + " cannot be found. Verify the spelling and"
                + " correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the"
                + " current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on"
                + " drop use DROP SCHEMA IF EXISTS.", Map.of("schemaName", q));
    }

    public void createDatabase(String dbName, boolean ifNotExists, Map<String, String> properties) {
        catalog().createDatabase(dbName, properties.get("comment"), properties.get("location"), ifNotExists);
    }

    public void dropDatabase(String dbName, boolean ifExists, boolean cascade) {
        catalog().dropDatabase(dbName, ifExists, cascade);
    }

    // -- tables and views --------------------------------------------------------------------

    public List<Table> listTables() {
        return listTables(null, null);
    }

    public List<Table> listTables(String dbName) {
        return listTables(dbName, null);
    }

    /** Tables and views of {@code dbName} (null: the current database) matching {@code pattern} (null: all). */
    public List<Table> listTables(String dbName, String pattern) {
        return catalog().listTables(dbName, pattern).stream().map(Catalog::table).toList();
    }

    /** The temporary views (and, for {@code global_temp}, the global ones) matching {@code pattern}. */
    public List<Table> listViews(String dbName, String pattern) {
        return catalog().listTables(dbName, pattern).stream().filter(TableInfo::temporary).map(Catalog::table).toList();
    }

    private static Table table(TableInfo t) {
        return new Table(t.name(), t.temporary() ? null : CATALOG,
                t.database() == null ? List.of() : List.of(t.database()), t.description(), t.tableType(), t.temporary());
    }

    /** The table or view {@code tableName} refers to. */
    public Table getTable(String tableName) {
        List<String> parts = MultipartName.parse(tableName);
        if (parts.size() == 1 && catalog().getTempView(parts.get(0)).isPresent()) {
            return new Table(catalog().getTempView(parts.get(0)).get().name(), null, List.of(), null, "TEMPORARY", true);
        }
        if (parts.size() == 2 && parts.get(0).equalsIgnoreCase(catalog().globalTempDatabase())
                && catalog().getGlobalTempView(parts.get(1)).isPresent()) {
            return new Table(catalog().getGlobalTempView(parts.get(1)).get().name(), null,
                    List.of(catalog().globalTempDatabase()), null, "TEMPORARY", true);
        }
        CatalogTable t = requireTable(tableName);
        return new Table(t.name(), CATALOG, List.of(t.database()), t.comment(), t.tableType(), false);
    }

    public Table getTable(String dbName, String tableName) {
        return getTable(dbName + "." + tableName);
    }

    /** A table's metadata; a view or unknown name fails as {@code spark.table} would. */
    private CatalogTable requireTable(String tableName) {
        List<String> parts = MultipartName.parse(tableName);
        Optional<CatalogTable> t = catalog().getTableMetadata(parts);
        if (t.isEmpty()) {
            session.table(tableName);
            throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "'Catalog' expects a table but "
                    + AnalysisErrors.toSqlId(List.of(parts.get(parts.size() - 1))) + " is a view. ");
        }
        return t.get();
    }

    public boolean tableExists(String tableName) {
        return catalog().tableExists(MultipartName.parse(tableName));
    }

    public boolean tableExists(String dbName, String tableName) {
        return catalog().tableExists(List.of(dbName, tableName));
    }

    /** The columns of a table or view, in order; partition, bucket and clustering columns flagged. */
    public List<Column> listColumns(String tableName) {
        Optional<CatalogTable> table = catalog().getTableMetadata(MultipartName.parse(tableName));
        List<Column> out = new ArrayList<>();
        if (table.isPresent() && catalog().getTempView(tableName).isEmpty()) {
            CatalogTable t = table.get();
            List<String> clustering = io.ember.sql.catalog.TableClustering.columns(t);
            for (StructField f : t.schema().fields()) {
                boolean bucket = t.bucketSpec() != null && t.bucketSpec().bucketColumns().contains(f.name());
                out.add(new Column(f.name(), null, f.dataType().simpleString(), f.nullable(),
                        t.isPartitionColumn(f.name()), bucket, clustering.contains(f.name())));
            }
            return out;
        }
        for (AttributeReference a : session.table(tableName).logicalPlan().output()) {
            out.add(new Column(a.name(), null, a.dataType().simpleString(), a.nullable(), false, false, false));
        }
        return out;
    }

    public List<Column> listColumns(String dbName, String tableName) {
        return listColumns(dbName + "." + tableName);
    }

    /**
     * Creates a table from files at {@code options.path} (external) or empty in the warehouse
     * (managed), with {@code schema} (null: inferred from the files); returns a DataFrame over it.
     */
    public Dataset<Row> createTable(String tableName, String source, StructType schema, String description,
            Map<String, String> options) {
        String path = options.get("path");
        catalog().createTable(new TableDefinition(MultipartName.parse(tableName), schema, source, List.of(), options,
                path, description == null || description.isEmpty() ? null : description), null, false);
        return session.table(tableName);
    }

    public Dataset<Row> createTable(String tableName, String path) {
        return createTable(tableName, null, null, null, path == null ? Map.of() : Map.of("path", path));
    }

    /** Drops a table, or the temporary view of that name. */
    public void dropTable(String tableName, boolean ifExists, boolean purge) {
        catalog().dropTable(MultipartName.parse(tableName), ifExists);
    }

    public void dropView(String viewName, boolean ifExists) {
        catalog().dropTable(MultipartName.parse(viewName), ifExists);
    }

    public boolean dropTempView(String viewName) {
        return catalog().dropTempView(viewName);
    }

    public boolean dropGlobalTempView(String viewName) {
        return catalog().dropGlobalTempView(viewName);
    }

    /** The {@code k=v} partitions of a partitioned table. */
    public List<String> listPartitions(String tableName) {
        return catalog().listPartitions(MultipartName.parse(tableName));
    }

    /** The table's options as Spark shows them ({@code option.header}). */
    public Map<String, String> getTableProperties(String tableName) {
        return TableText.properties(requireTable(tableName));
    }

    public String getCreateTableString(String tableName) {
        return TableText.createStatement(requireTable(tableName));
    }

    public void truncateTable(String tableName) {
        catalog().truncateTable(MultipartName.parse(tableName));
    }

    public void analyzeTable(String tableName, boolean noScan) {
        catalog().analyzeTable(MultipartName.parse(tableName), noScan);
    }

    /** Lists the table's files again and rebuilds its cached data; a view is left as it is. */
    public void refreshTable(String tableName) {
        session.table(tableName);
        catalog().refreshTable(MultipartName.parse(tableName));
    }

    /**
     * Re-lists the files of every cached query that reads a file source under {@code path}
     * (a prefix of a root, qualified as {@code file:} URIs are) and caches it again, lazily, as
     * Spark's {@code recacheByPath}: Datasets over those files then read the new listing.
     */
    public void refreshByPath(String path) {
        String qualified = "file:" + io.ember.rdd.InputPaths.localPath(path).toAbsolutePath().normalize();
        java.util.function.Predicate<LogicalPlan> under = node -> node instanceof FileSourceRelation r
                && r.rootPaths().stream().anyMatch(root -> root.startsWith(qualified));
        for (LogicalPlan cached : session.cacheManager().cachedPlans()) {
            if (cached.collect(under).isEmpty()) {
                continue;
            }
            LogicalPlan fresh = cached.transformUp(node -> under.test(node) ? ((FileSourceRelation) node).relisted() : node);
            StorageLevel level = session.cacheManager().storageLevel(cached);
            session.cacheManager().uncacheQuery(cached);
            session.cacheManager().cacheQuery(fresh, path, level);
        }
    }

    /** Partitions are directories found at every read, so this lists them again (a view fails, as in Spark). */
    public void recoverPartitions(String tableName) {
        List<String> parts = MultipartName.parse(tableName);
        if (catalog().getTableMetadata(parts).isEmpty() || (parts.size() == 1 && catalog().getTempView(parts.get(0)).isPresent())) {
            session.table(tableName);
            String view = AnalysisErrors.toSqlId(List.of(parts.get(parts.size() - 1)));
            throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "'recoverPartitions()' expects a table"
                    + " but " + view + " is a view. ", Map.of("viewName", view, "operation", "recoverPartitions()"));
        }
        catalog().refreshTable(parts);
    }

    // -- functions ---------------------------------------------------------------------------

    public boolean functionExists(String functionName) {
        return functions.exists(functionName);
    }

    public Function getFunction(String functionName) {
        return functions.get(functionName);
    }

    public List<Function> listFunctions(String pattern) {
        return functions.list(pattern);
    }

    // -- caching -----------------------------------------------------------------------------

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
