package io.ember.sql.plans.statements;

import java.util.List;

/** {@code ANALYZE TABLE t COMPUTE STATISTICS [NOSCAN | FOR COLUMNS ...]}: the table's row count and size, for the optimizer. No rows. */
public final class AnalyzeTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;

    public AnalyzeTableCommand(List<String> table) {
        this.table = List.copyOf(table);
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        ctx.catalog().analyzeTable(table);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table);
    }
}
