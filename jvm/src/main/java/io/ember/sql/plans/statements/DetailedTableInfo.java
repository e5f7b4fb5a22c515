package io.ember.sql.plans.statements;

import io.ember.sql.catalog.CatalogTable;
import io.ember.sql.sources.BucketSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code # Detailed Table Information} rows {@code DESCRIBE TABLE EXTENDED} adds for a
 * persistent table, in Spark's order and wording: catalog, database, name, times, type,
 * provider, the bucket spec, comment, table properties, statistics, location, options, partition provider.
 * Stateless.
 */
final class DetailedTableInfo {
    private DetailedTableInfo() {}

    static List<Object[]> rows(CatalogTable t) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row("", ""));
        rows.add(row("# Detailed Table Information", ""));
        rows.add(row("Catalog", t.qualifiedName().get(0)));
        rows.add(row("Database", t.database()));
        rows.add(row("Table", t.name()));
        rows.add(row("Created Time", new Date(t.createTime()).toString()));
        rows.add(row("Last Access", "UNKNOWN"));
        rows.add(row("Created By", "Spark 4.3.0"));
        rows.add(row("Type", t.tableType()));
        rows.add(row("Provider", t.provider()));
        BucketSpec b = t.bucketSpec();
        if (b != null) {
            rows.add(row("Num Buckets", String.valueOf(b.numBuckets())));
            rows.add(row("Bucket Columns", quotedList(b.bucketColumns())));
            rows.add(row("Sort Columns", quotedList(b.sortColumns())));
        }
        if (t.comment() != null) {
            rows.add(row("Comment", t.comment()));
        }
        if (!t.properties().isEmpty()) {
            rows.add(row("Table Properties", new TreeMap<>(t.properties()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]"))));
        }
        if (t.stats() != null) {
            rows.add(row("Statistics", t.stats().sizeInBytes() + " bytes"
                    + (t.stats().rowCount() == null ? "" : ", " + t.stats().rowCount() + " rows")));
        }
        rows.add(row("Location", t.location()));
        Map<String, String> options = new TreeMap<>(t.options());
        options.remove("path");
        if (!options.isEmpty()) {
            rows.add(row("Storage Properties", options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "[", "]"))));
        }
        if (!t.partitionColumns().isEmpty()) {
            rows.add(row("Partition Provider", "Catalog"));
        }
        return rows;
    }

    private static Object[] row(String name, String value) {
        return new Object[] {name, value, ""};
    }

    /** {@code [`a`, `b`]}, as Spark prints column lists. */
    private static String quotedList(List<String> columns) {
        return columns.stream().map(c -> "`" + c.replace("`", "``") + "`").collect(Collectors.joining(", ", "[", "]"));
    }
}
