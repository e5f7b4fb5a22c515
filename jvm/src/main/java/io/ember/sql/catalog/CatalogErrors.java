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

    /** Where DDL on a table looks (DROP TABLE): only the current database. */
    public static String tableSearchPath(String currentDatabase) {
        return "[`spark_catalog`." + quoted(List.of(currentDatabase)) + "]";
    }

    public static AnalysisException locationAlreadyExists(List<String> qualifiedName, String location) {
        String id = quoted(qualifiedName);
        String loc = "'" + location + "'";
        return new AnalysisException("LOCATION_ALREADY_EXISTS", "Cannot name the managed table as " + id
                + ", as its associated location " + loc + " already exists. Please pick a different table name, or"
                + " remove the existing location first.", Map.of("location", loc, "identifier", id));
    }

    /** {@code INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS} or {@code .NOT_ENOUGH_DATA_COLUMNS}. */
    public static AnalysisException insertArity(List<String> qualifiedName, List<String> tableColumns,
            List<String> dataColumns) {
        boolean tooMany = dataColumns.size() > tableColumns.size();
        String table = quoted(qualifiedName);
        String tableCols = columnList(tableColumns);
        String dataCols = columnList(dataColumns);
        return new AnalysisException("INSERT_COLUMN_ARITY_MISMATCH." + (tooMany ? "TOO_MANY" : "NOT_ENOUGH")
                + "_DATA_COLUMNS", "Cannot write to " + table + ", the reason is " + (tooMany ? "too many" : "not enough")
                + " data columns:\nTable columns: " + tableCols + ".\nData columns: " + dataCols + ".",
                Map.of("tableName", table, "tableColumns", tableCols, "dataColumns", dataCols));
    }

    private static String columnList(List<String> columns) {
        List<String> q = new ArrayList<>();
        columns.forEach(c -> q.add(quoted(List.of(c))));
        return String.join(", ", q);
    }

    public static AnalysisException cannotSafelyCast(List<String> qualifiedName, String column, String from, String to) {
        String table = quoted(qualifiedName);
        String col = quoted(List.of(column));
        return new AnalysisException("INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST", "Cannot write incompatible data"
                + " for the table " + table + ": Cannot safely cast " + col + " " + from + " to " + to + ".",
                Map.of("tableName", table, "colName", col, "srcType", from, "targetType", to));
    }

    public static AnalysisException overwriteWhileReading(List<String> qualifiedName) {
        String table = quoted(qualifiedName);
        return new AnalysisException("UNSUPPORTED_OVERWRITE.TABLE", "Can't overwrite the target that is also being"
                + " read from. The target table is " + table + ".", Map.of("table", table));
    }

    public static AnalysisException insertIntoView() {
        return new AnalysisException("UNSUPPORTED_INSERT.RDD_BASED",
                "Can't insert into the target. An RDD-based table is not allowed.", Map.of());
    }

    public static AnalysisException schemaAlreadyExists(String database) {
        String q = quoted(List.of(database));
        return new AnalysisException("SCHEMA_ALREADY_EXISTS", "Cannot create schema " + q + " because it already"
                + " exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to"
                + " tolerate pre-existing schema.", Map.of("schemaName", q));
    }

    public static AnalysisException schemaNotEmpty(String database) {
        String q = quoted(List.of(database));
        return new AnalysisException("SCHEMA_NOT_EMPTY", "Cannot drop a schema " + q + " because it contains"
                + " objects.\nUse DROP SCHEMA ... CASCADE to drop the schema and all its objects.", Map.of("schemaName", q));
    }

    public static AnalysisException dropDefaultDatabase() {
        String q = quoted(List.of("spark_catalog", "default"));
        return new AnalysisException("UNSUPPORTED_FEATURE.DROP_DATABASE",
                "The feature is not supported: Drop the default database " + q + ".", Map.of("database", q));
    }

    public static AnalysisException partitionColumnNotDefined(String column, List<String> qualifiedName,
            List<String> tableColumns) {
        String col = quoted(List.of(column));
        String table = quoted(qualifiedName);
        String cols = columnList(tableColumns);
        return new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", "partition column " + col + " is not defined in"
                + " table " + table + ", defined table columns are: " + cols + ".",
                Map.of("colType", "partition", "colName", col, "tableName", table, "tableCols", cols));
    }

    public static AnalysisException expectTableNotView(String viewName, String operation) {
        String q = quoted(List.of(viewName));
        return new AnalysisException("EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE", "'" + operation + "' expects a table but "
                + q + " is a view. ", Map.of("viewName", q, "operation", operation));
    }

    public static AnalysisException notPartitioned(List<String> qualifiedName) {
        String q = quoted(qualifiedName);
        return new AnalysisException("INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY",
                "The partition command is invalid. Table " + q + " is not partitioned.", Map.of("name", q));
    }

    public static AnalysisException formatMismatch(List<String> qualifiedName, String existing, String specified) {
        String table = String.join(".", qualifiedName);
        return new AnalysisException("_LEGACY_ERROR_TEMP_1159", "The format of the existing table " + table + " is `"
                + existing + "`. It doesn't match the specified format `" + specified + "`.",
                Map.of("tableName", table, "existingProvider", existing, "specifiedProvider", specified));
    }

    public static AnalysisException cannotResolveColumn(String column, List<String> inputColumns) {
        String in = String.join(", ", inputColumns);
        return new AnalysisException("_LEGACY_ERROR_TEMP_1162", "Cannot resolve '" + column + "' given input columns: ["
                + in + "].", Map.of("col", column, "inputColumns", in));
    }

    /** saveAsTable's append whose partitionBy (none counts) differs from the table's partitioning. */
    public static AnalysisException partitioningMismatch(List<String> qualifiedName, List<String> specified,
            List<String> existing) {
        String table = String.join(".", qualifiedName);
        String asked = String.join(", ", specified);
        String has = String.join(", ", existing);
        return new AnalysisException("_LEGACY_ERROR_TEMP_1163", "Specified partitioning does not match that of the"
                + " existing table " + table + ".\nSpecified partition columns: [" + asked + "].\nExisting partition"
                + " columns: [" + has + "].", Map.of("tableName", table, "specifiedPartCols", asked,
                        "existingPartCols", has));
    }
}
