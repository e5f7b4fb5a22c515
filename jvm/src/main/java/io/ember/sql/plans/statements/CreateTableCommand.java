package io.ember.sql.plans.statements;

import io.ember.sql.catalog.TableDefinition;
import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] TABLE t [(cols)] USING fmt [PARTITIONED BY (...)] [OPTIONS (...)]
 * [AS query]} through the session catalog (a managed table in the warehouse directory).
 * {@code OR REPLACE} drops an existing table first. No rows.
 */
public final class CreateTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final TableDefinition table;
    private final LogicalPlan query;
    private final boolean ifNotExists;
    private final boolean replace;

    public CreateTableCommand(TableDefinition table, LogicalPlan query, boolean ifNotExists, boolean replace) {
        this.table = table;
        this.query = query;
        this.ifNotExists = ifNotExists;
        this.replace = replace;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (replace) {
            ctx.catalog().dropTable(table.nameParts(), true);
        }
        ctx.catalog().createTable(table, query, ifNotExists);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table.nameParts(), table.provider() == null ? "" : table.provider());
    }
}
