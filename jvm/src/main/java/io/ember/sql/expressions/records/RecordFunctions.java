package io.ember.sql.expressions.records;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.records.RecordConversion.Format;
import io.ember.sql.expressions.records.RecordConversion.Kind;
import java.util.Locale;

/** Registers the CSV and XML record functions: {@code from_csv}, {@code to_xml}, {@code schema_of_csv}, .... */
public final class RecordFunctions {
    private RecordFunctions() {}

    public static void register(FunctionRegistry r) {
        for (Format f : Format.values()) {
            String suffix = "_" + f.name().toLowerCase(Locale.ROOT);
            r.register("from" + suffix, Builders.varargs("from" + suffix, 2, 3, a -> new RecordConversion(f, Kind.FROM, a, null)));
            r.register("to" + suffix, Builders.varargs("to" + suffix, 1, 2, a -> new RecordConversion(f, Kind.TO, a, null)));
            r.register("schema_of" + suffix, Builders.varargs("schema_of" + suffix, 1, 2,
                    a -> new RecordConversion(f, Kind.SCHEMA_OF, a, null)));
        }
    }
}
