package io.ember.sql.plans.statements;

import java.util.List;

/** {@code UNCACHE TABLE [IF EXISTS] t}; {@code CLEAR CACHE} when {@code name} is null. No rows. */
public final class UncacheTableCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final List<String> name;
    private final boolean ifExists;

    public UncacheTableCommand(List<String> name, boolean ifExists) {
        this.name = name == null ? null : List.copyOf(name);
        this.ifExists = ifExists;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (name == null) {
            ctx.clearCache();
        } else if (!ifExists || ctx.catalog().tableExists(name)) {
            ctx.uncacheTable(name);
        }
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(name, ifExists);
    }
}
