package io.ember.python.sql;

import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Inline;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.DdlParser;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Python UDFs a session's SQL text can call: {@code spark.udf.register(name, f, type)}
 * (row UDFs and scalar pandas UDFs) puts a builder of {@link PythonUDF} calls in the session's
 * {@link FunctionRegistry}, so {@code SELECT name(x)} resolves like any function, and
 * {@code unregister} takes it out again. A name that is a built-in function stays the built-in
 * for SQL (dropping the UDF could not bring the built-in back otherwise); Python's
 * {@code call_udf} still finds the UDF.
 *
 * <p>Threading: Py4J calls arrive on any thread; the set of names is guarded by this object,
 * and the registry is thread-safe.
 */
final class PythonFunctions {
    private final FunctionRegistry registry;
    private final Set<String> registered = new HashSet<>();

    PythonFunctions(FunctionRegistry registry) {
        this.registry = registry;
    }

    /** Registers (or replaces) {@code name}; false when a built-in function has that name. */
    synchronized boolean register(String name, String commandBase64, String returnType, boolean deterministic) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!registered.contains(key) && registry.lookup(key).isPresent()) {
            return false;
        }
        byte[] command = Base64.getDecoder().decode(commandBase64);
        DataType type = DdlParser.parseType(returnType);
        registry.register(key, (args, distinct) -> new PythonUDF(name, command, type, args, deterministic));
        registered.add(key);
        return true;
    }

    /**
     * Registers (or replaces) a Python UDTF as the table function {@code name}: a call is an
     * {@code inline} generator over a {@link PythonUDF} that returns, per argument row, the rows
     * {@code eval} yielded as an array of structs of {@code schema} (the command of
     * {@code ember.sql.udtf}), so {@code FROM name(...)} and {@code LATERAL name(t.x)} plan as
     * generators. False when a built-in function has that name.
     */
    synchronized boolean registerTableFunction(String name, String commandBase64, String schemaJson,
            boolean deterministic) {
        String key = name.toLowerCase(Locale.ROOT);
        if (!registered.contains(key) && registry.lookup(key).isPresent()) {
            return false;
        }
        byte[] command = Base64.getDecoder().decode(commandBase64);
        DataType rows = new ArrayType(DataTypeJson.fromJson(schemaJson), true);
        registry.register(key, (args, distinct) ->
                new Inline(new PythonUDF(name, command, rows, args, deterministic), false));
        registered.add(key);
        return true;
    }

    /** Removes {@code name} if this registered it. */
    synchronized void drop(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (registered.remove(key)) {
            registry.drop(key);
        }
    }
}
