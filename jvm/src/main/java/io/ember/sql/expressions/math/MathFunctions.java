package io.ember.sql.expressions.math;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.Literal;
import io.ember.sql.types.DataTypes;
import java.util.Locale;

/** Registers the math functions. */
public final class MathFunctions {
    private MathFunctions() {}

    public static void register(FunctionRegistry r) {
        for (MathFunction.Kind k : MathFunction.Kind.values()) {
            if (k == MathFunction.Kind.LOG) continue;
            String name = k.name().toLowerCase(Locale.ROOT);
            r.register(name, Builders.varargs(name, k.arity(), k.arity(), a -> new MathFunction(k, a)));
        }
        r.register("pow", r.lookup("power").orElseThrow());
        r.register("sign", r.lookup("signum").orElseThrow());
        r.register("log", (args, d) -> {
            FunctionCalls.requireArgs("log", args, 1, 2);
            return args.size() == 1 ? new MathFunction(MathFunction.Kind.LN, args) : new MathFunction(MathFunction.Kind.LOG, args);
        });
        r.register("ceil", Builders.unary("ceil", c -> new NumberFunction(NumberFunction.Kind.CEIL, c)));
        r.register("ceiling", r.lookup("ceil").orElseThrow());
        r.register("floor", Builders.unary("floor", c -> new NumberFunction(NumberFunction.Kind.FLOOR, c)));
        r.register("abs", Builders.unary("abs", c -> new NumberFunction(NumberFunction.Kind.ABS, c)));
        r.register("round", round(false));
        r.register("bround", round(true));
        r.register("greatest", Builders.varargs("greatest", 2, Integer.MAX_VALUE, a -> new GreatestLeast(a, true)));
        io.ember.sql.expressions.misc.Kernels.register(r, MathKernel.values());
        io.ember.sql.expressions.misc.Kernels.register(r, BitsKernel.values());
        r.register("try_add", Builders.binary("try_add", (a, b) -> new TryArithmetic("try_add", new io.ember.sql.expressions.Add(a, b))));
        r.register("try_subtract", Builders.binary("try_subtract", (a, b) -> new TryArithmetic("try_subtract", new io.ember.sql.expressions.Subtract(a, b))));
        r.register("try_multiply", Builders.binary("try_multiply", (a, b) -> new TryArithmetic("try_multiply", new io.ember.sql.expressions.Multiply(a, b))));
        r.register("try_divide", Builders.binary("try_divide", (a, b) -> new TryArithmetic("try_divide", new io.ember.sql.expressions.Divide(a, b))));
        r.register("try_mod", Builders.binary("try_mod", (a, b) -> new TryArithmetic("try_mod", new io.ember.sql.expressions.Remainder(a, b))));
        r.register("least", Builders.varargs("least", 2, Integer.MAX_VALUE, a -> new GreatestLeast(a, false)));
    }

    private static FunctionRegistry.Builder round(boolean halfEven) {
        String name = halfEven ? "bround" : "round";
        return Builders.varargs(name, 1, 2, a -> new Round(a.get(0),
                a.size() > 1 ? a.get(1) : new Literal(0, DataTypes.IntegerType), halfEven));
    }

}
