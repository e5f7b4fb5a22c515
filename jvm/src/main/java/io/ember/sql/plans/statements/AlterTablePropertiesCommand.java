package io.ember.sql.plans.statements;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ALTER TABLE t SET TBLPROPERTIES (...)} or {@code ... UNSET TBLPROPERTIES [IF EXISTS] (...)}. No rows. */
public final class AlterTablePropertiesCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> table;
    private final Map<String, String> set;
    private final List<String> unset;

    public AlterTablePropertiesCommand(List<String> table, Map<String, String> set, List<String> unset) {
        this.table = List.copyOf(table);
        this.set = new LinkedHashMap<>(set);
        this.unset = List.copyOf(unset);
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        ctx.catalog().alterTableProperties(table, set, unset);
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(table, set, unset);
    }
}
