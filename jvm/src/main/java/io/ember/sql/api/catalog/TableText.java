package io.ember.sql.api.catalog;

import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.types.StructField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How Spark's catalog prints a table: its properties map and its {@code SHOW CREATE TABLE} text. */
final class TableText {
    private TableText() {}

    /** The table's options, each as {@code option.<key>} (Spark's {@code getTableProperties} for a data source table). */
    static Map<String, String> properties(CatalogTable t) {
        Map<String, String> out = new TreeMap<>();
        t.options().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("path")) {
                out.put("option." + k, v);
            }
        });
        return out;
    }

    /** {@code CREATE TABLE spark_catalog.db.t (\n  c TYPE, ...)\nUSING fmt\n...}, in Spark's clause order. */
    static String createStatement(CatalogTable t) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(String.join(".", t.qualifiedName())).append(" (\n");
        List<String> columns = new ArrayList<>();
        for (StructField f : t.schema().fields()) {
            columns.add("  " + f.name() + " " + f.dataType().simpleString().toUpperCase(Locale.ROOT)
                    + (f.nullable() ? "" : " NOT NULL"));
        }
        b.append(String.join(",\n", columns)).append(")\nUSING ").append(t.provider()).append('\n');
        Map<String, String> options = new TreeMap<>(t.options());
        options.remove("path");
        if (!options.isEmpty()) {
            List<String> opts = new ArrayList<>();
            options.forEach((k, v) -> opts.add("  '" + k + "' = '" + v.replace("'", "\\'") + "'"));
            b.append("OPTIONS (\n").append(String.join(",\n", opts)).append(")\n");
        }
        if (!t.partitionColumns().isEmpty()) {
            b.append("PARTITIONED BY (").append(String.join(", ", t.partitionColumns())).append(")\n");
        }
        if (t.bucketSpec() != null) {
            b.append("CLUSTERED BY (").append(String.join(", ", t.bucketSpec().bucketColumns())).append(")\n");
            if (!t.bucketSpec().sortColumns().isEmpty()) {
                b.append("SORTED BY (").append(String.join(", ", t.bucketSpec().sortColumns())).append(")\n");
            }
            b.append("INTO ").append(t.bucketSpec().numBuckets()).append(" BUCKETS\n");
        }
        if (!t.managed()) {
            b.append("LOCATION '").append(t.location()).append("'\n");
        }
        if (t.comment() != null) {
            b.append("COMMENT '").append(t.comment().replace("'", "\\'")).append("'\n");
        }
        return b.toString();
    }
}
