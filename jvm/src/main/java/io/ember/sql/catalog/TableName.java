package io.ember.sql.catalog;

import java.util.List;

/** A persistent table's database and name (lower-cased), from one to three name parts ({@code spark_catalog.db.t}). */
record TableName(String database, String table) {
    TableName {
        database = Warehouse.key(database);
        table = Warehouse.key(table);
    }

    /** {@code nameParts} in {@code currentDatabase}; null when they cannot name a table (four parts, another catalog). */
    static TableName of(List<String> nameParts, String currentDatabase) {
        return switch (nameParts.size()) {
            case 1 -> new TableName(currentDatabase, nameParts.get(0));
            case 2 -> new TableName(nameParts.get(0), nameParts.get(1));
            case 3 -> nameParts.get(0).equalsIgnoreCase(EmberSessionCatalog.CATALOG_NAME)
                    ? new TableName(nameParts.get(1), nameParts.get(2)) : null;
            default -> null;
        };
    }

    /** {@code [spark_catalog, db, t]}, as Spark names a table in messages. */
    List<String> qualified() {
        return List.of(EmberSessionCatalog.CATALOG_NAME, database, table);
    }
}
