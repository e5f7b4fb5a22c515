package io.ember.sql.catalog;

import io.ember.sql.AnalysisException;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session's {@link SessionCatalog}: its own temporary views, the application's global
 * temporary views and warehouse ({@link SharedCatalogState}), and the current database. A
 * one-part name is a temporary view, else a table of the current database; {@code global_temp.v}
 * is a global temporary view; {@code db.t} and {@code spark_catalog.db.t} are tables.
 *
 * <p>Threading: thread-safe; the views are concurrent maps, the current database a volatile,
 * and table metadata lives in files written atomically ({@link Warehouse}).
 */
public final class EmberSessionCatalog implements SessionCatalog {
    static final String DEFAULT_DATABASE = "default";
    static final String CATALOG_NAME = "spark_catalog";

    private final SharedCatalogState shared;
    private final CatalogSession session;
    private final TempViews tempViews = new TempViews();
    private final PersistentTables tables;
    private final TableCommands commands;
    private volatile String currentDatabase = DEFAULT_DATABASE;

    public EmberSessionCatalog(SharedCatalogState shared, CatalogSession session) {
        this.shared = shared;
        this.session = session;
        this.tables = new PersistentTables(() -> shared.warehouse(session.conf()), session);
        this.commands = new TableCommands(tables, session);
    }

    private Warehouse warehouse() {
        return tables.warehouse();
    }

    // -- lookups -----------------------------------------------------------------------------

    @Override
    public LogicalPlan lookupRelation(List<String> nameParts) {
        String alias = nameParts.get(nameParts.size() - 1);
        Optional<TempView> view = lookupTempView(nameParts);
        if (view.isPresent()) {
            return new SubqueryAlias(alias, view.get().plan());
        }
        return new SubqueryAlias(Warehouse.key(alias), table(nameParts).orElseThrow(() -> notFound(nameParts)));
    }

    /** The temporary view (session or global) a name refers to, if any. */
    private Optional<TempView> lookupTempView(List<String> nameParts) {
        if (nameParts.size() == 1) {
            return tempViews.get(nameParts.get(0));
        }
        if (nameParts.size() == 2 && isGlobalTempDatabase(nameParts.get(0))) {
            return shared.globalTempViews().get(nameParts.get(1));
        }
        return Optional.empty();
    }

    /** The persistent table a name refers to, if any (never for names in {@code global_temp}). */
    private Optional<CatalogTableRelation> table(List<String> nameParts) {
        TableName name = tableName(nameParts);
        return name == null ? Optional.empty() : tables.relation(name);
    }

    private TableName tableName(List<String> nameParts) {
        TableName name = TableName.of(nameParts, currentDatabase);
        return name == null || isGlobalTempDatabase(name.database()) ? null : name;
    }

    private boolean isGlobalTempDatabase(String database) {
        return database.equalsIgnoreCase(globalTempDatabase());
    }

    private AnalysisException notFound(List<String> nameParts) {
        return CatalogErrors.tableOrViewNotFound(nameParts, CatalogErrors.searchPath(currentDatabase));
    }

    @Override
    public boolean tableExists(List<String> nameParts) {
        return lookupTempView(nameParts).isPresent() || tables.metadata(tableName(nameParts)).isPresent();
    }

    @Override
    public Optional<CatalogTable> getTableMetadata(List<String> nameParts) {
        return tables.metadata(tableName(nameParts));
    }

    @Override
    public Optional<TempView> getTempView(String name) {
        return tempViews.get(name);
    }

    @Override
    public Optional<TempView> getGlobalTempView(String name) {
        return shared.globalTempViews().get(name);
    }

    // -- temporary views ---------------------------------------------------------------------

    @Override
    public void createTempView(String name, LogicalPlan plan, boolean replace) {
        tempViews.create(singlePart(name), session.analyze(plan), replace);
    }

    @Override
    public void createGlobalTempView(String name, LogicalPlan plan, boolean replace) {
        shared.globalTempViews().create(singlePart(name), session.analyze(plan), replace);
    }

    private static String singlePart(String name) {
        List<String> parts = MultipartName.parse(name);
        if (parts.size() != 1) {
            throw CatalogErrors.tooManyNameParts(name);
        }
        return parts.get(0);
    }

    @Override
    public boolean dropTempView(String name) {
        return uncached(tempViews.drop(name));
    }

    @Override
    public boolean dropGlobalTempView(String name) {
        return uncached(shared.globalTempViews().drop(name));
    }

    /** Whether a view was dropped; its cached data, if any, goes with it. */
    private boolean uncached(Optional<TempView> dropped) {
        dropped.ifPresent(v -> session.uncache(v.plan()));
        return dropped.isPresent();
    }

    // -- listings ----------------------------------------------------------------------------

    @Override
    public List<TableInfo> listTables(String database, String pattern) {
        String db = database == null ? currentDatabase : database;
        List<TableInfo> out = new ArrayList<>();
        if (isGlobalTempDatabase(db)) {
            for (TempView v : shared.globalTempViews().list()) {
                out.add(new TableInfo(v.name(), globalTempDatabase(), null, "TEMPORARY", true));
            }
        } else {
            if (!databaseExists(db)) {
                throw CatalogErrors.schemaNotFound(db);
            }
            for (CatalogTable t : warehouse().listTables(db)) {
                out.add(new TableInfo(t.name(), t.database(), t.comment(), t.tableType(), false));
            }
        }
        for (TempView v : tempViews.list()) {
            out.add(new TableInfo(v.name(), null, null, "TEMPORARY", true));
        }
        if (pattern != null) {
            NamePattern p = NamePattern.of(pattern);
            out.removeIf(t -> !p.matches(t.name()));
        }
        return out;
    }

    @Override
    public List<String> listPartitions(List<String> nameParts) {
        CatalogTable t = requireTable(nameParts, "SHOW PARTITIONS").table();
        if (t.partitionColumns().isEmpty()) {
            throw CatalogErrors.notPartitioned(t.qualifiedName());
        }
        return TableFiles.partitionPaths(Warehouse.localPath(t.location()), t.partitionColumns().size());
    }

    // -- tables ------------------------------------------------------------------------------

    /** The table a command acts on; a temporary view there is {@code EXPECT_TABLE_NOT_VIEW}. */
    private CatalogTableRelation requireTable(List<String> nameParts, String operation) {
        if (lookupTempView(nameParts).isPresent()) {
            throw CatalogErrors.expectTableNotView(nameParts.get(nameParts.size() - 1), operation);
        }
        return table(nameParts).orElseThrow(() -> notFound(nameParts));
    }

    @Override
    public void createTable(TableDefinition table, LogicalPlan query, boolean ifNotExists) {
        commands.create(requireTableName(table.nameParts()), table, query, ifNotExists);
    }

    private TableName requireTableName(List<String> nameParts) {
        TableName name = tableName(nameParts);
        if (name == null) {
            throw notFound(nameParts);
        }
        return name;
    }

    @Override
    public void saveAsTable(TableDefinition table, LogicalPlan query, String mode) {
        commands.saveAsTable(requireTableName(table.nameParts()), table, query, mode);
    }

    @Override
    public void insertInto(List<String> nameParts, LogicalPlan query, boolean overwrite) {
        if (lookupTempView(nameParts).isPresent()) {
            throw CatalogErrors.insertIntoView();
        }
        commands.insert(table(nameParts).orElseThrow(() -> notFound(nameParts)), query, overwrite);
    }

    @Override
    public void dropTable(List<String> nameParts, boolean ifExists) {
        if (nameParts.size() == 1 && dropTempView(nameParts.get(0))) {
            return;
        }
        if (nameParts.size() == 2 && isGlobalTempDatabase(nameParts.get(0)) && dropGlobalTempView(nameParts.get(1))) {
            return;
        }
        Optional<CatalogTableRelation> t = table(nameParts);
        if (t.isPresent()) {
            commands.drop(t.get());
        } else if (!ifExists) {
            TableName name = TableName.of(nameParts, currentDatabase);
            throw CatalogErrors.tableOrViewNotFound(name == null ? nameParts : name.qualified(),
                    CatalogErrors.tableSearchPath(currentDatabase));
        }
    }

    @Override
    public void truncateTable(List<String> nameParts) {
        commands.truncate(requireTable(nameParts, "Catalog.truncateTable"));
    }

    @Override
    public void analyzeTable(List<String> nameParts) {
        analyzeTable(nameParts, false);
    }

    @Override
    public void analyzeTable(List<String> nameParts, boolean noScan) {
        commands.analyze(requireTable(nameParts, "ANALYZE TABLE"), noScan);
    }

    @Override
    public void alterTableProperties(List<String> nameParts, Map<String, String> set, List<String> unset) {
        CatalogTable t = requireTable(nameParts, set.isEmpty() ? "ALTER TABLE ... UNSET TBLPROPERTIES"
                : "ALTER TABLE ... SET TBLPROPERTIES").table();
        Map<String, String> properties = new java.util.TreeMap<>(t.properties());
        properties.putAll(set);
        unset.forEach(properties::remove);
        String comment = set.containsKey("comment") ? set.get("comment") : unset.contains("comment") ? null : t.comment();
        properties.remove("comment");
        warehouse().alterTable(new CatalogTable(t.database(), t.name(), t.provider(), t.schema(), t.partitionColumns(),
                t.options(), t.location(), t.tableType(), comment, t.createTime(), t.stats(), t.version(), t.bucketSpec(), properties));
    }

    @Override
    public void refreshTable(List<String> nameParts) {
        if (lookupTempView(nameParts).isPresent()) {
            return;
        }
        TableName name = requireTableName(nameParts);
        CatalogTableRelation old = table(nameParts).orElseThrow(() -> notFound(nameParts));
        tables.forget(name);
        tables.relation(name).ifPresent(fresh -> session.refreshCache(old, fresh));
    }

    // -- databases ---------------------------------------------------------------------------

    @Override
    public String globalTempDatabase() {
        return SharedCatalogState.GLOBAL_TEMP_DATABASE;
    }

    @Override
    public String currentDatabase() {
        return currentDatabase;
    }

    @Override
    public void setCurrentDatabase(String database) {
        if (!databaseExists(database)) {
            throw CatalogErrors.schemaNotFound(database);
        }
        currentDatabase = Warehouse.key(database);
    }

    @Override
    public boolean databaseExists(String database) {
        return !isGlobalTempDatabase(database) && warehouse().getDatabase(database).isPresent();
    }

    @Override
    public Optional<DatabaseInfo> getDatabase(String database) {
        return isGlobalTempDatabase(database) ? Optional.empty() : warehouse().getDatabase(database);
    }

    @Override
    public List<DatabaseInfo> listDatabases(String pattern) {
        List<DatabaseInfo> all = new ArrayList<>(warehouse().listDatabases());
        if (pattern != null) {
            NamePattern p = NamePattern.of(pattern);
            all.removeIf(d -> !p.matches(d.name()));
        }
        return all;
    }

    @Override
    public void createDatabase(String database, String comment, String location, boolean ifNotExists) {
        if (isGlobalTempDatabase(database) || !warehouse().createDatabase(database, comment, location)) {
            if (!ifNotExists) {
                throw CatalogErrors.schemaAlreadyExists(database);
            }
        }
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade) {
        if (Warehouse.key(database).equals(DEFAULT_DATABASE)) {
            throw CatalogErrors.dropDefaultDatabase();
        }
        Optional<DatabaseInfo> db = getDatabase(database);
        if (db.isEmpty()) {
            if (!ifExists) {
                throw CatalogErrors.schemaNotFound(database);
            }
            return;
        }
        List<CatalogTable> inside = warehouse().listTables(database);
        if (!inside.isEmpty() && !cascade) {
            throw CatalogErrors.schemaNotEmpty(database);
        }
        for (CatalogTable t : inside) {
            tables.relation(new TableName(t.database(), t.name())).ifPresent(commands::drop);
        }
        warehouse().dropDatabase(database);
        TableFiles.deleteRecursively(Warehouse.localPath(db.get().locationUri()));
        if (currentDatabase.equals(Warehouse.key(database))) {
            currentDatabase = DEFAULT_DATABASE;
        }
    }
}
