package io.ember.sql.catalog;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.sources.DataSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A session's view of the warehouse's tables: reads metadata on every lookup (so a table another
 * session or process created, changed or dropped is seen at once) and keeps one relation per
 * table while its data and schema stay the same, so repeated queries over a table share column
 * ids (the result cache matches plans by them) and do not list its files again. A change of the
 * table's {@code version} (a write, from any process) makes the next lookup list the files anew.
 *
 * <p>Threading: thread-safe; the relations are in a concurrent map (two threads may both build a
 * relation for a new version; either is correct).
 */
final class PersistentTables {
    private final Supplier<Warehouse> warehouse;
    private final CatalogSession session;
    private final ConcurrentMap<TableName, CatalogTableRelation> relations = new ConcurrentHashMap<>();

    PersistentTables(Supplier<Warehouse> warehouse, CatalogSession session) {
        this.warehouse = warehouse;
        this.session = session;
    }

    Warehouse warehouse() {
        return warehouse.get();
    }

    Optional<CatalogTable> metadata(TableName name) {
        return name == null ? Optional.empty() : warehouse().getTable(name.database(), name.table());
    }

    /** The relation over a table's files, if the table exists. */
    Optional<CatalogTableRelation> relation(TableName name) {
        Optional<CatalogTable> meta = metadata(name);
        if (meta.isEmpty()) {
            if (name != null) {
                relations.remove(name);
            }
            return Optional.empty();
        }
        CatalogTable table = meta.get();
        CatalogTableRelation known = relations.get(name);
        if (known != null && sameData(known.table(), table)) {
            if (known.table().equals(table)) {
                return Optional.of(known);
            }
            CatalogTableRelation restated = new CatalogTableRelation(table, known.files());
            relations.put(name, restated);
            return Optional.of(restated);
        }
        CatalogTableRelation fresh = new CatalogTableRelation(table, DataSource.resolve(table.provider(),
                List.of(table.location()), table.options(), table.schema(), session.conf()));
        relations.put(name, fresh);
        return Optional.of(fresh);
    }

    /** True when two metadata versions describe the same files and columns (statistics may differ). */
    private static boolean sameData(CatalogTable a, CatalogTable b) {
        return a.version() == b.version() && a.location().equals(b.location()) && a.schema().equals(b.schema())
                && a.provider().equals(b.provider()) && a.createTime() == b.createTime();
    }

    /** Forgets the session's relation of a table (after this session changed or dropped it). */
    void forget(TableName name) {
        relations.remove(name);
    }

    /** The relations this session holds; they go with the session. */
    void clear() {
        relations.clear();
    }

    /** The analyzed plan a table's cache is keyed by, if this session has built one. */
    Optional<LogicalPlan> knownRelation(TableName name) {
        return Optional.ofNullable(relations.get(name));
    }
}
