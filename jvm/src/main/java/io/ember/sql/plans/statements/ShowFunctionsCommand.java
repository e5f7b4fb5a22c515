package io.ember.sql.plans.statements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code SHOW [USER | SYSTEM | ALL] FUNCTIONS [[LIKE] 'pattern']}: one row per registered function, column {@code function}; {@code *} and {@code |} as in Spark's patterns. */
public final class ShowFunctionsCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final String kind;

    public ShowFunctionsCommand(String pattern) {
        this(pattern, null);
    }

    /** {@code kind}: {@code user}, {@code system}, or null / {@code all} for both. */
    public ShowFunctionsCommand(String pattern, String kind) {
        super("function");
        this.pattern = pattern;
        this.kind = kind == null ? "all" : kind.toLowerCase(Locale.ROOT);
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        Pattern p = pattern == null ? null : Patterns.of(pattern);
        List<Object[]> rows = new ArrayList<>();
        Set<String> builtin = kind.equals("all") ? Set.of() : ctx.builtinFunctionNames();
        for (String name : new TreeSet<>(ctx.functionNames())) {
            boolean wanted = kind.equals("all") || builtin.contains(name) == kind.equals("system");
            if (wanted && (p == null || p.matcher(name.toLowerCase(Locale.ROOT)).matches())) {
                rows.add(new Object[] {name});
            }
        }
        return rows;
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(pattern, kind);
    }
}
