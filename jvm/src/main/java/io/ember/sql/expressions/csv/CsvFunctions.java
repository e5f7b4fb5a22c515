package io.ember.sql.expressions.csv;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;

/** Registers the CSV functions. */
public final class CsvFunctions {
    private CsvFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("from_csv", Builders.varargs("from_csv", 2, 3, a -> new CsvConversion(CsvConversion.Kind.FROM_CSV, a, null)));
        r.register("to_csv", Builders.varargs("to_csv", 1, 2, a -> new CsvConversion(CsvConversion.Kind.TO_CSV, a, null)));
        r.register("schema_of_csv", Builders.varargs("schema_of_csv", 1, 2, a -> new CsvConversion(CsvConversion.Kind.SCHEMA_OF_CSV, a, null)));
    }
}
