package io.ember.sql.plans.statements;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/**
 * {@code CACHE [LAZY] TABLE t [AS query]}: with a query, first makes it the temporary view
 * {@code t}; then caches {@code t}, built now unless LAZY. No rows.
 */
public final class CacheTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> name;
    private final LogicalPlan query;
    private final boolean lazy;

    public CacheTableCommand(List<String> name, LogicalPlan query, boolean lazy) {
        this.name = List.copyOf(name);
        this.query = query;
        this.lazy = lazy;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (query != null) {
            new CreateTempViewCommand(name, List.of(), query, false, false, false).run(ctx);
        }
        ctx.cacheTable(name, lazy);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(name, lazy);
    }
}
