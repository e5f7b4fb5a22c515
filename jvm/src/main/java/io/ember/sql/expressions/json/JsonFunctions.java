package io.ember.sql.expressions.json;

import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.misc.Kernels;

/** Registers the JSON functions. */
public final class JsonFunctions {
    private JsonFunctions() {}

    public static void register(FunctionRegistry r) {
        Kernels.register(r, JsonKernel.values());
    }
}
