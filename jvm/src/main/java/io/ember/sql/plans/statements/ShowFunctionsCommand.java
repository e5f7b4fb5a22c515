package io.ember.sql.plans.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code SHOW FUNCTIONS [[LIKE] 'pattern']}: one row per registered function, column {@code function}; {@code *} and {@code |} as in Spark's patterns. */
public final class ShowFunctionsCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String pattern;

    public ShowFunctionsCommand(String pattern) {
        super("function");
        this.pattern = pattern;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        Pattern p = pattern == null ? null : Patterns.of(pattern);
        List<Object[]> rows = new ArrayList<>();
        for (String name : new TreeSet<>(ctx.functionNames())) {
            if (p == null || p.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                rows.add(new Object[] {name});
            }
        }
        return rows;
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(pattern);
    }
}
