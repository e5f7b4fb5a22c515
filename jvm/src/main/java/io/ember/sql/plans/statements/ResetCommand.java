package io.ember.sql.plans.statements;

import java.util.ArrayList;
import java.util.List;

/** {@code RESET} (every setting made in this session) or {@code RESET key}: back to the defaults. No rows. */
public final class ResetCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ResetCommand(String key) {
        this.key = key;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        if (key != null) {
            ctx.conf().unset(key);
        } else {
            for (String k : new ArrayList<>(ctx.conf().all().keySet())) {
                ctx.conf().unset(k);
            }
        }
        return List.of();
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(key);
    }
}
