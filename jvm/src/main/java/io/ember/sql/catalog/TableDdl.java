package io.ember.sql.catalog;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.MapType;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code CREATE TABLE} statement that would make a table again, as {@code SHOW CREATE TABLE}
 * prints it: Spark's layout for data source tables (columns one per line, then USING, OPTIONS,
 * PARTITIONED BY (or {@code cluster_by(...)} for a clustered table), COMMENT, LOCATION for external tables, TBLPROPERTIES), types in SQL spelling
 * with strings' default collation written out as Spark 4 does. Stateless.
 */
public final class TableDdl {
    private TableDdl() {}

    public static String createStatement(CatalogTable t) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ");
        sb.append(String.join(".", t.qualifiedName().stream().map(TableDdl::quoteIfNeeded).toList())).append(" (\n");
        List<String> columns = new ArrayList<>();
        for (StructField f : t.schema().fields()) {
            String c = "  " + quoteIfNeeded(f.name()) + " " + typeSql(f.dataType());
            Object comment = f.metadata() == null ? null : f.metadata().get("comment");
            columns.add(comment == null ? c : c + " COMMENT " + literal(comment.toString()));
        }
        sb.append(String.join(",\n", columns)).append(")\n");
        sb.append("USING ").append(t.provider()).append('\n');
        List<String> options = new ArrayList<>();
        t.options().entrySet().stream().filter(e -> !e.getKey().equalsIgnoreCase("path"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> options.add("  " + literal(e.getKey()) + " = " + literal(e.getValue())));
        if (!options.isEmpty()) {
            sb.append("OPTIONS (\n").append(String.join(",\n", options)).append(")\n");
        }
        if (!t.partitionColumns().isEmpty()) {
            sb.append("PARTITIONED BY (")
                    .append(String.join(", ", t.partitionColumns().stream().map(TableDdl::quoteIfNeeded).toList()))
                    .append(")\n");
        }
        List<String> clustering = TableClustering.columns(t);
        if (!clustering.isEmpty()) {
            sb.append("PARTITIONED BY (cluster_by(")
                    .append(String.join(", ", clustering.stream().map(TableDdl::quoteIfNeeded).toList()))
                    .append("))\n");
        }
        if (t.comment() != null) {
            sb.append("COMMENT ").append(literal(t.comment())).append('\n');
        }
        if (!t.managed()) {
            sb.append("LOCATION ").append(literal(t.location())).append('\n');
        }
        if (!t.properties().isEmpty()) {
            List<String> props = new ArrayList<>();
            t.properties().forEach((k, v) -> props.add("  " + literal(k) + " = " + literal(v)));
            sb.append("TBLPROPERTIES (\n").append(String.join(",\n", props)).append(")\n");
        }
        return sb.toString();
    }

    /** A type as Spark 4's DDL prints it: {@code INT}, {@code ARRAY<INT>}, {@code STRUCT<x: INT>}. */
    public static String typeSql(DataType type) {
        if (type instanceof StringType) {
            return "STRING COLLATE UTF8_BINARY";
        }
        if (type instanceof ArrayType a) {
            return "ARRAY<" + typeSql(a.elementType()) + ">";
        }
        if (type instanceof MapType m) {
            return "MAP<" + typeSql(m.keyType()) + ", " + typeSql(m.valueType()) + ">";
        }
        if (type instanceof StructType s) {
            List<String> fields = new ArrayList<>();
            for (StructField f : s.fields()) {
                fields.add(quoteIfNeeded(f.name()) + ": " + typeSql(f.dataType()) + (f.nullable() ? "" : " NOT NULL"));
            }
            return "STRUCT<" + String.join(", ", fields) + ">";
        }
        return type.simpleString().toUpperCase(Locale.ROOT);
    }

    /** A name as it stands in SQL: bare when it is letters, digits and underscores (not only digits), else backquoted. */
    static String quoteIfNeeded(String name) {
        if (name.matches("[A-Za-z0-9_]+") && !name.matches("[0-9]+")) {
            return name;
        }
        return "`" + name.replace("`", "``") + "`";
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
