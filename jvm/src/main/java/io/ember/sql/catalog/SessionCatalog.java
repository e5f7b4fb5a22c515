package io.ember.sql.catalog;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a session's queries can refer to: temporary views (this session's), global
 * temporary views (database {@code global_temp}, shared by the sessions of one application) and
 * tables in the warehouse directory, which survive a restart of the application. Names are
 * case-insensitive; a temporary view hides a table of the same name. Plans passed in may be
 * unresolved (straight from the SQL parser); the catalog analyzes them.
 *
 * <p>Threading: callable from any thread; each call is atomic.
 */
public interface SessionCatalog {
    /**
     * The plan a name stands for, under a {@code SubqueryAlias} of its last part.
     *
     * @throws io.ember.sql.AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND} naming it
     */
    LogicalPlan lookupRelation(List<String> nameParts);

    boolean tableExists(List<String> nameParts);

    /** @throws io.ember.sql.AnalysisException {@code TEMP_TABLE_OR_VIEW_ALREADY_EXISTS} unless {@code replace} */
    void createTempView(String name, LogicalPlan plan, boolean replace);

    void createGlobalTempView(String name, LogicalPlan plan, boolean replace);

    /** True when the view existed. */
    boolean dropTempView(String name);

    boolean dropGlobalTempView(String name);

    /** Tables and views of {@code database} (null: the current one) whose names match {@code pattern} (null: all). */
    List<TableInfo> listTables(String database, String pattern);

    /**
     * Creates a table, filled from {@code query} when not null (CTAS).
     *
     * @throws io.ember.sql.AnalysisException {@code TABLE_OR_VIEW_ALREADY_EXISTS} unless {@code ifNotExists}
     */
    void createTable(TableDefinition table, LogicalPlan query, boolean ifNotExists);

    /** Appends (or, with {@code overwrite}, replaces) the rows of a table by position. */
    void insertInto(List<String> nameParts, LogicalPlan query, boolean overwrite);

    void dropTable(List<String> nameParts, boolean ifExists);

    /** Computes and stores a table's row count and size for the optimizer. */
    void analyzeTable(List<String> nameParts);

    /** A session temporary view by name (case-insensitive). */
    Optional<TempView> getTempView(String name);

    /** A global temporary view by name, without the {@code global_temp} prefix. */
    Optional<TempView> getGlobalTempView(String name);

    /** The database of global temporary views ({@code global_temp}). */
    String globalTempDatabase();

    /** The database unqualified table names refer to ({@code default} at first). */
    String currentDatabase();

    /** @throws io.ember.sql.AnalysisException {@code SCHEMA_NOT_FOUND} */
    void setCurrentDatabase(String database);

    boolean databaseExists(String database);

    /** A persistent table's metadata (not a view's), if the name refers to a table. */
    Optional<CatalogTable> getTableMetadata(List<String> nameParts);

    /**
     * {@code df.write.mode(mode).saveAsTable(name)}: creates the table when it does not exist;
     * else {@code append} inserts by column name, {@code overwrite} replaces the table,
     * {@code ignore} does nothing and {@code error}/{@code errorifexists} fails with
     * {@code TABLE_OR_VIEW_ALREADY_EXISTS}.
     */
    void saveAsTable(TableDefinition table, LogicalPlan query, String mode);

    /** Removes a table's rows, keeping the table. */
    void truncateTable(List<String> nameParts);

    /** {@code ANALYZE TABLE ... COMPUTE STATISTICS [NOSCAN]}: with {@code noScan}, sizes only. */
    void analyzeTable(List<String> nameParts, boolean noScan);

    /**
     * {@code ALTER TABLE t SET|UNSET TBLPROPERTIES}: adds or replaces the properties in {@code set},
     * then removes the keys in {@code unset} (absent keys are ignored, as Spark does).
     *
     * @throws io.ember.sql.AnalysisException {@code EXPECT_TABLE_NOT_VIEW} for a temporary view
     */
    void alterTableProperties(List<String> nameParts, Map<String, String> set, List<String> unset);

    /** Lists a table's files again (and rebuilds its cached data); a no-op for a temporary view. */
    void refreshTable(List<String> nameParts);

    /** The {@code k=v[/k2=v2]} partitions of a partitioned table, sorted. */
    List<String> listPartitions(List<String> nameParts);

    Optional<DatabaseInfo> getDatabase(String database);

    /** Databases whose names match {@code pattern} (null: all), sorted. */
    List<DatabaseInfo> listDatabases(String pattern);

    /** @throws io.ember.sql.AnalysisException {@code SCHEMA_ALREADY_EXISTS} unless {@code ifNotExists} */
    void createDatabase(String database, String comment, String location, boolean ifNotExists);

    /** @throws io.ember.sql.AnalysisException {@code SCHEMA_NOT_EMPTY} when it has tables, unless {@code cascade} */
    void dropDatabase(String database, boolean ifExists, boolean cascade);
}
