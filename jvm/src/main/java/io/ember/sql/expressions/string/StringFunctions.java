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
        r.register("char_length", r.lookup("length").orElseThrow());
        r.register("concat_ws", (args, d) -> {
            FunctionCalls.requireArgs("concat_ws", args, 1, Integer.MAX_VALUE);
            return new ConcatWs(args);
        });
        r.register("format_string", (args, d) -> {
            FunctionCalls.requireArgs("format_string", args, 1, Integer.MAX_VALUE);
            return new FormatString(args);
        });
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
        io.ember.sql.expressions.misc.Kernels.register(r, StringKernel.values());
        io.ember.sql.expressions.misc.Kernels.register(r, EncodingKernel.values());
        for (RegexpFunction.Kind k : RegexpFunction.Kind.values()) {
            String name = k.name().toLowerCase(Locale.ROOT);
            int max = k == RegexpFunction.Kind.REGEXP_EXTRACT_ALL || k == RegexpFunction.Kind.REGEXP_INSTR ? 3 : 2;
            r.register(name, (args, d) -> {
                FunctionCalls.requireArgs(name, args, 2, max);
                java.util.List<io.ember.sql.expressions.Expression> a = new java.util.ArrayList<>(args);
                if (k == RegexpFunction.Kind.REGEXP_INSTR && a.size() == 2) a.add(new io.ember.sql.expressions.Literal(0, io.ember.sql.types.DataTypes.IntegerType));
                return new RegexpFunction(k, a);
            });
        }
    }
}
