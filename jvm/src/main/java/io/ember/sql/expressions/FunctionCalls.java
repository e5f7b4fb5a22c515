package io.ember.sql.expressions;

import io.ember.sql.AnalysisException;
import java.util.List;
import java.util.Map;

/** Helpers for function-call expressions: their SQL text and argument-count errors. */
public final class FunctionCalls {
    private FunctionCalls() {}

    /** {@code name(a, b)}. */
    public static String sql(String name, List<Expression> args) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(args.get(i).sql());
        }
        return b.append(')').toString();
    }

    /** Spark's {@code WRONG_NUM_ARGS.WITHOUT_SUGGESTION} error. */
    public static AnalysisException wrongArgs(String name, String expected, int actual) {
        return new AnalysisException("WRONG_NUM_ARGS.WITHOUT_SUGGESTION",
                "The `" + name + "` requires " + expected + " parameters but the actual number is " + actual + ".",
                Map.of("functionName", "`" + name + "`", "expectedNum", expected, "actualNum", String.valueOf(actual)));
    }

    /** Checks the count is within {@code [min, max]}. */
    public static void requireArgs(String name, List<Expression> args, int min, int max) {
        int n = args.size();
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "> " + (min - 1) : "[" + min + ", " + max + "]";
            throw wrongArgs(name, expected, n);
        }
    }
}
