package io.ember.sql.plans.statements;

import io.ember.sql.plans.LogicalPlan;
import java.util.List;

/** {@code EXPLAIN [EXTENDED|FORMATTED|COST|CODEGEN] query}: one row, column {@code plan}, with what {@code df.explain(mode)} prints. */
public final class ExplainCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final LogicalPlan query;
    private final String mode;

    public ExplainCommand(LogicalPlan query, String mode) {
        super("plan");
        this.query = query;
        this.mode = mode;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        String text = query instanceof Command c ? "== Physical Plan ==\nExecutedCommand " + c.nodeName() + "\n"
                : ctx.explain(query, mode);
        return List.<Object[]>of(new Object[] {text});
    }

    @Override
    protected List<Object> args() {
        return List.of(mode, query);
    }
}
