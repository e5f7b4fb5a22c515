package io.ember.sql.expressions;

import io.ember.sql.AnalysisException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Function names (case-insensitive) to builders of resolved expressions. One registry serves
 * the DataFrame functions, expressions in strings and SQL text. A session starts from a copy of
 * {@link #builtin()} and adds its UDFs.
 */
public final class FunctionRegistry {
    /** Builds the expression for a call; throws {@link AnalysisException} for wrong arguments. */
    @FunctionalInterface
    public interface Builder {
        Expression build(List<Expression> args, boolean distinct);
    }

    private final Map<String, Builder> builders;

    private FunctionRegistry(Map<String, Builder> builders) {
        this.builders = new ConcurrentHashMap<>(builders);
    }

    /** A new registry holding every built-in function. */
    public static FunctionRegistry builtin() {
        FunctionRegistry r = new FunctionRegistry(Map.of());
        BuiltinFunctions.registerAll(r);
        return r;
    }

    public FunctionRegistry copy() {
        return new FunctionRegistry(builders);
    }

    public void register(String name, Builder builder) {
        builders.put(name.toLowerCase(Locale.ROOT), builder);
    }

    public boolean drop(String name) {
        return builders.remove(name.toLowerCase(Locale.ROOT)) != null;
    }

    public Optional<Builder> lookup(String name) {
        return Optional.ofNullable(builders.get(name.toLowerCase(Locale.ROOT)));
    }

    public Set<String> names() {
        return new TreeMap<>(builders).keySet();
    }
}
