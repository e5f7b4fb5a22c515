package io.ember.sql.plans.statements;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] t [PURGE]}: a managed table's data and metadata go. No rows. */
public final class DropTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final boolean ifExists;

    public DropTableCommand(List<String> table, boolean ifExists) {
        this.table = List.copyOf(table);
        this.ifExists = ifExists;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        ctx.catalog().dropTable(table, ifExists);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table, ifExists);
    }
}
