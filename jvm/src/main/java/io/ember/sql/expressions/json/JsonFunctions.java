package io.ember.sql.expressions.json;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.misc.Kernels;

/** Registers the JSON functions. */
public final class JsonFunctions {
    private JsonFunctions() {}

    public static void register(FunctionRegistry r) {
        Kernels.register(r, JsonKernel.values());
        r.register("to_json", Builders.varargs("to_json", 1, 2, a -> new JsonConversion(JsonConversion.Kind.TO_JSON, a)));
        r.register("from_json", Builders.varargs("from_json", 2, 3, a -> new JsonConversion(JsonConversion.Kind.FROM_JSON, a)));
        r.register("json_tuple", Builders.varargs("json_tuple", 2, Integer.MAX_VALUE, JsonTuple::new));
        r.register("schema_of_json", Builders.varargs("schema_of_json", 1, 2, a -> new JsonConversion(JsonConversion.Kind.SCHEMA_OF_JSON, a)));
    }
}
