package io.ember.sql.plans.statements;

import io.ember.sql.AnalysisException;
import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.catalog.TableDdl;
import java.util.List;
import java.util.Map;

/**
 * {@code SHOW CREATE TABLE t [AS SERDE]}: one row, column {@code createtab_stmt}, the statement
 * that creates the table ({@link TableDdl}). Temporary views have none
 * ({@code EXPECT_PERMANENT_VIEW_NOT_TEMP}); {@code AS SERDE} is for Hive tables, which Ember
 * does not have, so it is refused for every table as Spark refuses it for data source tables.
 */
public final class ShowCreateTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final boolean asSerde;

    public ShowCreateTableCommand(List<String> table, boolean asSerde) {
        super("createtab_stmt");
        this.table = List.copyOf(table);
        this.asSerde = asSerde;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (TableTarget.isTempView(ctx.catalog(), table)) {
            String view = "`" + table.get(table.size() - 1).replace("`", "``") + "`";
            throw new AnalysisException("EXPECT_PERMANENT_VIEW_NOT_TEMP", "'SHOW CREATE TABLE' expects a permanent view but "
                    + view + " is a temp view.", Map.of("operation", "'SHOW CREATE TABLE'", "viewName", view));
        }
        CatalogTable t = TableTarget.tableOrView(ctx.catalog(), table).orElseThrow();
        if (asSerde) {
            String name = io.ember.sql.catalog.CatalogErrors.quoted(t.qualifiedName());
            throw new AnalysisException("UNSUPPORTED_SHOW_CREATE_TABLE.ON_DATA_SOURCE_TABLE_WITH_AS_SERDE",
                    "Unsupported a SHOW CREATE TABLE command. The table " + name + " is a Spark data source table."
                            + " Please use SHOW CREATE TABLE without AS SERDE instead.", Map.of("tableName", name));
        }
        return List.<Object[]>of(new Object[] {TableDdl.createStatement(t)});
    }

    @Override
    protected List<Object> args() {
        return List.of(table, asSerde);
    }
}
