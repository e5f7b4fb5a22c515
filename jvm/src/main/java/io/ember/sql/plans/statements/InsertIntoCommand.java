package io.ember.sql.plans.statements;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/** {@code INSERT INTO|OVERWRITE [TABLE] t query}: the query's rows, by position, into table {@code t}. No rows. */
public final class InsertIntoCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final LogicalPlan query;
    private final boolean overwrite;

    public InsertIntoCommand(List<String> table, LogicalPlan query, boolean overwrite) {
        this.table = List.copyOf(table);
        this.query = query;
        this.overwrite = overwrite;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        ctx.catalog().insertInto(table, query, overwrite);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table, overwrite);
    }
}
