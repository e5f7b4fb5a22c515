package io.ember.sql.catalog;

import io.ember.sql.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link AnalysisException}s the catalog raises, with Spark 4's error classes, texts and
 * message parameters (checked against PySpark 4.3), so a message reads as PySpark's does.
 */
public final class CatalogErrors {
    private CatalogErrors() {}

    /** {@code a.b} quoted as Spark quotes identifiers in messages: {@code `a`.`b`}. */
    public static String quoted(List<String> parts) {
        List<String> q = new ArrayList<>();
        for (String p : parts) {
            q.add("`" + p.replace("`", "``") + "`");
        }
        return String.join(".", q);
    }

    /** The search path of a query's relation names (built-in functions, temporary objects, the current database). */
    public static String searchPath(String currentDatabase) {
        return "[`system`.`builtin`, `system`.`session`, `spark_catalog`." + quoted(List.of(currentDatabase)) + "]";
    }

    public static AnalysisException tableOrViewNotFound(List<String> nameParts, String searchPath) {
        String name = quoted(nameParts);
        return new AnalysisException("TABLE_OR_VIEW_NOT_FOUND", "The table or view " + name
                + " cannot be found. Verify the spelling and correctness of the schema and catalog.\n"
                + "Search path: " + searchPath + ".\n"
                + "If you did not qualify the name with a schema, verify the current_schema() output, or qualify"
                + " the name with the correct schema and catalog.\n"
                + "To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.",
                Map.of("relationName", name, "searchPath", searchPath));
    }

    public static AnalysisException tempViewAlreadyExists(String name) {
        String q = quoted(List.of(name));
        return new AnalysisException("TEMP_TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create the temporary view " + q
                + " because it already exists.\nChoose a different name, drop or replace the existing view.",
                Map.of("relationName", q));
    }

    public static AnalysisException tableAlreadyExists(List<String> qualifiedName) {
        String q = quoted(qualifiedName);
        return new AnalysisException("TABLE_OR_VIEW_ALREADY_EXISTS", "Cannot create table or view " + q
                + " because it already exists.\nChoose a different name, drop or replace the existing object, or add"
                + " the IF NOT EXISTS clause to tolerate pre-existing objects.",
                Map.of("relationName", q));
    }

    public static AnalysisException tooManyNameParts(String actualName) {
        return new AnalysisException("TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS", "CREATE TEMPORARY VIEW or the"
                + " corresponding Dataset APIs only accept single-part view names, but got: " + actualName + ".",
                Map.of("actualName", actualName));
    }

    public static AnalysisException schemaNotFound(String database) {
        String q = quoted(List.of("spark_catalog", database));
        return new AnalysisException("SCHEMA_NOT_FOUND", "The schema " + q + " cannot be found. Verify the"
                + " spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a"
                + " catalog, verify the current_schema() output, or qualify the name with the correct catalog.\n"
                + "To tolerate the error on drop use DROP SCHEMA IF EXISTS.",
                Map.of("schemaName", q));
    }
}
