package io.ember.sql.catalog;

import io.ember.sql.AnalysisException;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.SubqueryAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A session's {@link SessionCatalog}: its own temporary views, the application's global
 * temporary views ({@link SharedCatalogState}), and the current database. A one-part name is a
 * temporary view, else a table of the current database; {@code global_temp.v} is a global
 * temporary view; {@code db.t} and {@code spark_catalog.db.t} are tables.
 *
 * <p>Threading: thread-safe; the views are concurrent maps and the current database a volatile.
 */
public final class EmberSessionCatalog implements SessionCatalog {
    static final String DEFAULT_DATABASE = "default";
    static final String CATALOG_NAME = "spark_catalog";

    private final SharedCatalogState shared;
    private final CatalogSession session;
    private final TempViews tempViews = new TempViews();
    private volatile String currentDatabase = DEFAULT_DATABASE;

    public EmberSessionCatalog(SharedCatalogState shared, CatalogSession session) {
        this.shared = shared;
        this.session = session;
    }

    @Override
    public LogicalPlan lookupRelation(List<String> nameParts) {
        Optional<TempView> view = lookupTempView(nameParts);
        if (view.isPresent()) {
            return new SubqueryAlias(nameParts.get(nameParts.size() - 1), view.get().plan());
        }
        throw notFound(nameParts);
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

    private boolean isGlobalTempDatabase(String database) {
        return database.equalsIgnoreCase(globalTempDatabase());
    }

    private AnalysisException notFound(List<String> nameParts) {
        return CatalogErrors.tableOrViewNotFound(nameParts, CatalogErrors.searchPath(currentDatabase));
    }

    @Override
    public boolean tableExists(List<String> nameParts) {
        return lookupTempView(nameParts).isPresent();
    }

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

    @Override
    public Optional<TempView> getTempView(String name) {
        return tempViews.get(name);
    }

    @Override
    public Optional<TempView> getGlobalTempView(String name) {
        return shared.globalTempViews().get(name);
    }

    @Override
    public List<TableInfo> listTables(String database, String pattern) {
        String db = database == null ? currentDatabase : database;
        Pattern regex = pattern == null ? null : likePattern(pattern);
        List<TableInfo> out = new ArrayList<>();
        if (isGlobalTempDatabase(db)) {
            for (TempView v : shared.globalTempViews().list()) {
                out.add(new TableInfo(v.name(), globalTempDatabase(), null, "TEMPORARY", true));
            }
        } else if (!databaseExists(db)) {
            throw CatalogErrors.schemaNotFound(db);
        }
        for (TempView v : tempViews.list()) {
            out.add(new TableInfo(v.name(), null, null, "TEMPORARY", true));
        }
        if (regex != null) {
            out.removeIf(t -> !regex.matcher(t.name().toLowerCase(Locale.ROOT)).matches());
        }
        return out;
    }

    /**
     * Spark's pattern for SHOW TABLES and listTables: {@code *} is any text, {@code |} separates
     * alternatives, matched case-insensitively.
     */
    static Pattern likePattern(String pattern) {
        List<String> alternatives = new ArrayList<>();
        for (String alt : pattern.toLowerCase(Locale.ROOT).split("\\|")) {
            List<String> pieces = new ArrayList<>();
            for (String piece : alt.strip().split("\\*", -1)) {
                pieces.add(Pattern.quote(piece));
            }
            alternatives.add(String.join(".*", pieces));
        }
        return Pattern.compile(String.join("|", alternatives));
    }

    @Override
    public void createTable(TableDefinition table, LogicalPlan query, boolean ifNotExists) {
        throw tablesNotYet();
    }

    @Override
    public void insertInto(List<String> nameParts, LogicalPlan query, boolean overwrite) {
        throw notFound(nameParts);
    }

    @Override
    public void dropTable(List<String> nameParts, boolean ifExists) {
        if (!ifExists) {
            throw notFound(nameParts);
        }
    }

    @Override
    public void analyzeTable(List<String> nameParts) {
        throw notFound(nameParts);
    }

    private static AnalysisException tablesNotYet() {
        return new AnalysisException("UNSUPPORTED_FEATURE.TABLE_OPERATION", "Persistent tables are not supported yet.");
    }

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
        currentDatabase = database.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean databaseExists(String database) {
        return database.equalsIgnoreCase(DEFAULT_DATABASE);
    }
}
