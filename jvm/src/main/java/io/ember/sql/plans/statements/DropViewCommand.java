package io.ember.sql.plans.statements;

import io.ember.sql.AnalysisException;
import java.util.List;
import java.util.Map;

/** {@code DROP VIEW [IF EXISTS] v} (a session temporary view) or {@code global_temp.v}. No rows. */
public final class DropViewCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> name;
    private final boolean ifExists;

    public DropViewCommand(List<String> name, boolean ifExists) {
        this.name = List.copyOf(name);
        this.ifExists = ifExists;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        String view = name.get(name.size() - 1);
        boolean global = name.size() == 2 && name.get(0).equalsIgnoreCase(ctx.catalog().globalTempDatabase());
        boolean dropped = global ? ctx.catalog().dropGlobalTempView(view) : name.size() == 1 && ctx.catalog().dropTempView(view);
        if (!dropped && !ifExists) {
            String quoted = String.join(".", name.stream().map(p -> "`" + p + "`").toList());
            throw new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view " + quoted + " cannot be found. "
                    + "Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with "
                    + "a schema, verify the current_schema() output, or qualify the name with the correct schema and "
                    + "catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.",
                    Map.of("relationName", quoted));
        }
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return List.of(name, ifExists);
    }
}
