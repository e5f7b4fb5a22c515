package io.ember.sql.plans.statements;

import io.ember.sql.AnalysisException;
import io.ember.sql.catalog.CatalogErrors;
import io.ember.sql.catalog.CatalogTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ALTER TABLE t SET TBLPROPERTIES (...)} or {@code ... UNSET TBLPROPERTIES [IF EXISTS] (...)};
 * the key {@code comment} sets the table's comment, as in Spark. No rows.
 */
public final class AlterTablePropertiesCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final Map<String, String> set;
    private final List<String> unset;
    private final boolean view;

    /** {@code view}: the statement said ALTER VIEW (Ember has no permanent views, so it always fails). */
    public AlterTablePropertiesCommand(List<String> table, Map<String, String> set, List<String> unset, boolean view) {
        this.table = List.copyOf(table);
        this.set = new LinkedHashMap<>(set);
        this.unset = List.copyOf(unset);
        this.view = view;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        String operation = (view ? "ALTER VIEW" : "ALTER TABLE") + " ... " + (set.isEmpty() ? "UNSET" : "SET")
                + " TBLPROPERTIES";
        String last = CatalogErrors.quoted(List.of(table.get(table.size() - 1)));
        if (TableTarget.isTempView(ctx.catalog(), table)) {
            if (view) {
                throw new AnalysisException("EXPECT_PERMANENT_VIEW_NOT_TEMP", "'" + operation + "' expects a permanent"
                        + " view but " + last + " is a temp view.", Map.of("operation", "'" + operation + "'", "viewName", last));
            }
            throw new AnalysisException("EXPECT_TABLE_NOT_VIEW.USE_ALTER_VIEW", "'" + operation + "' expects a table but "
                    + last + " is a view. Please use ALTER VIEW instead.", Map.of("operation", "'" + operation + "'",
                    "viewName", last));
        }
        CatalogTable t = TableTarget.tableOrView(ctx.catalog(), table).orElseThrow();
        if (view) {
            String name = CatalogErrors.quoted(t.qualifiedName());
            throw new AnalysisException("EXPECT_VIEW_NOT_TABLE.USE_ALTER_TABLE", "The table " + name
                    + " does not support " + operation + ". Please use ALTER TABLE instead.",
                    Map.of("tableName", name, "operation", operation));
        }
        ctx.catalog().alterTableProperties(table, set, unset);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table, set, unset, view);
    }
}
