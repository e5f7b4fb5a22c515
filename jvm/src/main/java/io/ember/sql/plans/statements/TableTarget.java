package io.ember.sql.plans.statements;

import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.catalog.SessionCatalog;
import java.util.List;
import java.util.Optional;

/** What a table name in a command stands for: a persistent table's metadata, or empty for a view. Stateless. */
final class TableTarget {
    private TableTarget() {}

    /**
     * The table's metadata; empty when the name is a temporary or global temporary view.
     *
     * @throws io.ember.sql.AnalysisException {@code TABLE_OR_VIEW_NOT_FOUND} when it is neither
     */
    static Optional<CatalogTable> tableOrView(SessionCatalog catalog, List<String> name) {
        Optional<CatalogTable> table = isTempView(catalog, name) ? Optional.empty() : catalog.getTableMetadata(name);
        if (table.isEmpty()) {
            catalog.lookupRelation(name);
        }
        return table;
    }

    static boolean isTempView(SessionCatalog catalog, List<String> name) {
        if (name.size() == 1) {
            return catalog.getTempView(name.get(0)).isPresent();
        }
        return name.size() == 2 && name.get(0).equalsIgnoreCase(catalog.globalTempDatabase())
                && catalog.getGlobalTempView(name.get(1)).isPresent();
    }
}
