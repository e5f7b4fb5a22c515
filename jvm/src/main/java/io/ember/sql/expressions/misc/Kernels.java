package io.ember.sql.expressions.misc;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;

/** Registers {@link ScalarKernel} tables in a {@link FunctionRegistry}. */
public final class Kernels {
    private Kernels() {}

    /** Each kernel under its own name. */
    public static void register(FunctionRegistry r, ScalarKernel[] kernels) {
        for (ScalarKernel k : kernels) register(r, k.sqlName(), k.prettyName(), k);
    }

    /** {@code k} under {@code name}, printed as {@code pretty} (an alias keeps its name in column names). */
    public static void register(FunctionRegistry r, String name, String pretty, ScalarKernel k) {
        r.register(name, (args, distinct) -> {
            FunctionCalls.requireArgs(name, args, k.minArgs(), k.maxArgs());
            return new KernelFunction(k, pretty, withDefaults(k, args));
        });
    }

    /** The arguments with the defaults of the left-out trailing ones appended. */
    static List<Expression> withDefaults(ScalarKernel k, List<Expression> args) {
        List<Expression> out = new ArrayList<>(args);
        for (int i = args.size(); i < k.maxArgs(); i++) {
            Expression d = k.defaultArg(i);
            if (d == null) break;
            out.add(d);
        }
        return out;
    }
}
