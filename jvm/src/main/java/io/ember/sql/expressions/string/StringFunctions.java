package io.ember.sql.expressions.string;

import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import java.util.Locale;

/** Registers the string functions. */
public final class StringFunctions {
    private StringFunctions() {}

    public static void register(FunctionRegistry r) {
        for (StringFunction.Kind k : StringFunction.Kind.values()) {
            int min = k.types.size();
            int max = min;
            switch (k) {
                case CONCAT -> { min = 0; max = Integer.MAX_VALUE; }
                case SUBSTRING, LPAD, RPAD, LOCATE -> min = min - 1;
                default -> { }
            }
            int lo = min;
            int hi = max;
            FunctionRegistry.Builder b = (args, distinct) -> {
                FunctionCalls.requireArgs(k.sqlName, args, lo, hi);
                return new StringFunction(k, args);
            };
            r.register(k.sqlName, b);
        }
        r.register("ucase", r.lookup("upper").orElseThrow());
        r.register("lcase", r.lookup("lower").orElseThrow());
        r.register("substr", r.lookup("substring").orElseThrow());
        r.register("char_length", r.lookup("length").orElseThrow());
        r.register("position", r.lookup("locate").orElseThrow());
        r.register("concat_ws", (args, d) -> {
            FunctionCalls.requireArgs("concat_ws", args, 1, Integer.MAX_VALUE);
            return new ConcatWs(args);
        });
        r.register("format_string", (args, d) -> {
            FunctionCalls.requireArgs("format_string", args, 1, Integer.MAX_VALUE);
            return new FormatString(args);
        });
        r.register("printf", r.lookup("format_string").orElseThrow());
        for (PatternFunction.Kind k : PatternFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int min = k == PatternFunction.Kind.REGEXP_REPLACE ? 3 : 2;
            int max = k == PatternFunction.Kind.REGEXP_EXTRACT || k == PatternFunction.Kind.SPLIT || k == PatternFunction.Kind.REGEXP_REPLACE ? 3 : 2;
            r.register(name, (args, d) -> {
                FunctionCalls.requireArgs(name, args, min, max);
                return new PatternFunction(k, args);
            });
        }
        r.register("regexp_like", r.lookup("rlike").orElseThrow());
        r.register("regexp", r.lookup("rlike").orElseThrow());
    }
}
