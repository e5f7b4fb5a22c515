package io.ember.sql.plans.statements;

import io.ember.sql.analysis.AnalysisErrors;
import io.ember.sql.expressions.FunctionUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code DESCRIBE FUNCTION [EXTENDED] f}: rows of column {@code function_desc} in Spark's layout
 * ({@code Function: f}, {@code Class: ...}, {@code Usage: ...}, and with EXTENDED an
 * {@code Extended Usage:} block of examples). Usage comes from {@link FunctionUsage}; functions it
 * does not describe, and user functions, show {@code Usage: N/A.} as Spark shows undocumented ones.
 * An unknown name is {@code UNRESOLVED_ROUTINE}.
 */
public final class DescribeFunctionCommand extends Command {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean extended;

    public DescribeFunctionCommand(String name, boolean extended) {
        super("function_desc");
        this.name = name;
        this.extended = extended;
    }

    @Override
    public List<Object[]> run(CommandContext ctx) {
        String key = name.toLowerCase(Locale.ROOT);
        Optional<String> implementation = ctx.functionClass(key);
        if (implementation.isEmpty()) {
            throw AnalysisErrors.unresolvedRoutine(name);
        }
        boolean builtin = ctx.builtinFunctionNames().contains(key);
        Optional<FunctionUsage.Entry> usage = builtin ? FunctionUsage.load().lookup(key) : Optional.empty();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"Function: " + key});
        rows.add(new Object[] {"Class: " + implementation.get()});
        rows.add(new Object[] {"Usage: " + usage.map(FunctionUsage.Entry::usage).orElse("N/A.")});
        if (extended) {
            rows.add(new Object[] {extendedUsage(key, usage)});
        }
        return rows;
    }

    private static String extendedUsage(String key, Optional<FunctionUsage.Entry> usage) {
        if (usage.isEmpty() || usage.get().example() == null) {
            return "Extended Usage:\n    No example/argument for " + key + ".\n";
        }
        StringBuilder sb = new StringBuilder("Extended Usage:\n    Examples:\n      > ").append(usage.get().example()).append('\n');
        for (String line : usage.get().answer().split("\n", -1)) {
            sb.append("       ").append(line).append('\n');
        }
        return sb.append("  \n").toString();
    }

    @Override
    protected List<Object> args() {
        return List.of(name, extended);
    }
}
