package io.ember.sql.expressions;

/** Registers Ember's built-in functions. */
final class BuiltinFunctions {
    private BuiltinFunctions() {}

    static void registerAll(FunctionRegistry registry) {
    }
}
