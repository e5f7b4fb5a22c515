package io.ember.sql.expressions;

/**
 * Registers Ember's built-in functions, family by family; each family's registrar lives next to
 * its expressions. Operators are registered under their symbols as well as their names.
 */
final class BuiltinFunctions {
    private BuiltinFunctions() {}

    static void registerAll(FunctionRegistry registry) {
        OperatorFunctions.register(registry);
        ConditionalFunctions.register(registry);
        WindowAndGeneratorFunctions.register(registry);
        io.ember.sql.expressions.aggregate.AggregateFunctions.register(registry);
        io.ember.sql.expressions.string.StringFunctions.register(registry);
        io.ember.sql.expressions.math.MathFunctions.register(registry);
        io.ember.sql.expressions.collection.CollectionFunctions.register(registry);
        io.ember.sql.expressions.lambda.HigherOrderFunctions.register(registry);
        io.ember.sql.expressions.hash.HashFunctions.register(registry);
        io.ember.sql.expressions.misc.MiscFunctions.register(registry);
        io.ember.sql.expressions.json.JsonFunctions.register(registry);
        io.ember.sql.expressions.records.RecordFunctions.register(registry);
        io.ember.sql.expressions.numfmt.NumberFormatFunctions.register(registry);
        io.ember.sql.expressions.datetime.DateTimeFunctions.register(registry, java.time.Clock.systemUTC());
        io.ember.sql.expressions.interval.IntervalFunctions.register(registry);
    }
}
