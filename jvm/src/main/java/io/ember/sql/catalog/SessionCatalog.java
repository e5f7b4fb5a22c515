package io.ember.sql.catalog;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;
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
}
