package io.ember.sql.plans.statements;

import io.ember.sql.AnalysisException;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.UnresolvedSubqueryColumnAliases;
import java.util.List;
import java.util.Map;

/**
 * {@code CREATE [OR REPLACE] [GLOBAL] TEMP VIEW [IF NOT EXISTS] v [(a, b)] AS query}: the query
 * (its columns renamed when names are given) becomes a temporary view of the session, or a
 * global one under {@code global_temp}. No rows.
 */
public final class CreateTempViewCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> name;
    private final List<String> columns;
    private final LogicalPlan query;
    private final boolean replace;
    private final boolean global;
    private final boolean ifNotExists;

    public CreateTempViewCommand(List<String> name, List<String> columns, LogicalPlan query, boolean replace,
                                 boolean global, boolean ifNotExists) {
        this.name = List.copyOf(name);
        this.columns = List.copyOf(columns);
        this.query = query;
        this.replace = replace;
        this.global = global;
        this.ifNotExists = ifNotExists;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (name.size() > 1 && !(global && name.size() == 2
                && name.get(0).equalsIgnoreCase(ctx.catalog().globalTempDatabase()))) {
            throw new AnalysisException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", "CREATE TEMPORARY VIEW or the corresponding "
                    + "Dataset APIs only accept single-part view names, but got: " + String.join(".", name) + ".",
                    Map.of("actualName", String.join(".", name)));
        }
        String view = name.get(name.size() - 1);
        boolean exists = global ? ctx.catalog().getGlobalTempView(view).isPresent()
                : ctx.catalog().getTempView(view).isPresent();
        if (exists && ifNotExists) {
            return List.of();
        }
        LogicalPlan plan = ctx.analyze(columns.isEmpty() ? query : new UnresolvedSubqueryColumnAliases(columns, query));
        if (global) {
            ctx.catalog().createGlobalTempView(view, plan, replace);
        } else {
            ctx.catalog().createTempView(view, plan, replace);
        }
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(name, replace, global);
    }
}
