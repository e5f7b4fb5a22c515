package io.ember.sql.expressions;

import io.ember.sql.AnalysisException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Small adapters from fixed-arity constructors to {@link FunctionRegistry.Builder}s. */
public final class Builders {
    private Builders() {}

    public static FunctionRegistry.Builder unary(String name, Function<Expression, Expression> f) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, 1, 1);
            noDistinct(name, distinct);
            return f.apply(args.get(0));
        };
    }

    public static FunctionRegistry.Builder binary(String name, BiFunction<Expression, Expression, Expression> f) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, 2, 2);
            noDistinct(name, distinct);
            return f.apply(args.get(0), args.get(1));
        };
    }

    /** Any number of arguments within {@code [min, max]}. */
    public static FunctionRegistry.Builder varargs(String name, int min, int max, Function<List<Expression>, Expression> f) {
        return (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, min, max);
            noDistinct(name, distinct);
            return f.apply(args);
        };
    }

    static void noDistinct(String name, boolean distinct) {
        if (distinct) {
            throw new AnalysisException("INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
                    "Invalid SQL syntax: The function `" + name + "` does not support DISTINCT.",
                    Map.of("prettyName", "`" + name + "`", "syntax", "DISTINCT"));
        }
    }
}
