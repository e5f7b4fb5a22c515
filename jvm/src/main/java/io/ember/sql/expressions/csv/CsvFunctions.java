package io.ember.sql.expressions.csv;

import io.ember.sql.expressions.Builders;
import io.ember.sql.expressions.FunctionRegistry;
import io.ember.sql.expressions.xml.XmlConversion;

/** Registers the CSV and XML record functions. */
public final class CsvFunctions {
    private CsvFunctions() {}

    public static void register(FunctionRegistry r) {
        r.register("from_csv", Builders.varargs("from_csv", 2, 3, a -> new CsvConversion(CsvConversion.Kind.FROM_CSV, a, null)));
        r.register("to_csv", Builders.varargs("to_csv", 1, 2, a -> new CsvConversion(CsvConversion.Kind.TO_CSV, a, null)));
        r.register("from_xml", Builders.varargs("from_xml", 2, 3, a -> new XmlConversion(XmlConversion.Kind.FROM_XML, a, null)));
        r.register("to_xml", Builders.varargs("to_xml", 1, 2, a -> new XmlConversion(XmlConversion.Kind.TO_XML, a, null)));
        r.register("schema_of_xml", Builders.varargs("schema_of_xml", 1, 2, a -> new XmlConversion(XmlConversion.Kind.SCHEMA_OF_XML, a, null)));
        r.register("schema_of_csv", Builders.varargs("schema_of_csv", 1, 2, a -> new CsvConversion(CsvConversion.Kind.SCHEMA_OF_CSV, a, null)));
    }
}
