package io.ember.sql.catalog;

import io.ember.sql.AnalysisException;
import io.ember.sql.sources.BucketSpec;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the bucket spec of a table being created, as Spark does (with its error classes and
 * texts): a bucket count in {@code (0, 100000]}, bucket and sort columns that are columns of the
 * table and not partition columns. Returns the spec with the columns spelled as the schema
 * spells them. Stateless.
 */
final class TableBuckets {
    private TableBuckets() {}

    /** {@code spec} checked against the table's columns and partition columns; null stays null. */
    static BucketSpec normalize(BucketSpec spec, TableName name, StructType schema, List<String> partitionColumns) {
        if (spec == null) {
            return null;
        }
        if (spec.numBuckets() <= 0 || spec.numBuckets() > BucketSpec.MAX_BUCKETS) {
            throw invalidBucketCount(spec.numBuckets());
        }
        List<String> by = columns("bucket", spec.bucketColumns(), name, schema);
        List<String> sort = columns("sort", spec.sortColumns(), name, schema);
        for (String c : by) {
            if (partitionColumns.contains(c)) {
                throw partitionOverlap("_LEGACY_ERROR_TEMP_1166", "Bucketing column", "bucketCol", c, partitionColumns);
            }
        }
        for (String c : sort) {
            if (partitionColumns.contains(c)) {
                throw partitionOverlap("_LEGACY_ERROR_TEMP_1167", "Bucket sorting column", "sortCol", c,
                        partitionColumns);
            }
        }
        return new BucketSpec(spec.numBuckets(), by, sort);
    }

    private static List<String> columns(String kind, List<String> requested, TableName name, StructType schema) {
        List<String> out = new ArrayList<>();
        for (String c : requested) {
            int i = schema.indexOf(c);
            if (i < 0) {
                String col = CatalogErrors.quoted(List.of(c));
                String table = CatalogErrors.quoted(name.qualified());
                String cols = String.join(", ", schema.fieldNames().stream()
                        .map(f -> CatalogErrors.quoted(List.of(f))).toList());
                throw new AnalysisException("COLUMN_NOT_DEFINED_IN_TABLE", kind + " column " + col
                        + " is not defined in table " + table + ", defined table columns are: " + cols + ".",
                        Map.of("colType", kind, "colName", col, "tableName", table, "tableCols", cols));
            }
            out.add(schema.field(i).name());
        }
        return out;
    }

    /** An append by {@code saveAsTable} must ask for the table's buckets exactly (none for a table without), as in Spark 4. */
    static void checkAppend(CatalogTable table, BucketSpec specified) {
        BucketSpec asked = specified == null ? null : new BucketSpec(specified.numBuckets(),
                spelled(specified.bucketColumns(), table.schema()), spelled(specified.sortColumns(), table.schema()));
        if (java.util.Objects.equals(asked, table.bucketSpec())) {
            return;
        }
        String name = String.join(".", table.qualifiedName());
        throw new AnalysisException("_LEGACY_ERROR_TEMP_1164", "Specified bucketing does not match that of the"
                + " existing table " + name + ".\nSpecified bucketing: " + describe(specified)
                + ".\nExisting bucketing: " + describe(table.bucketSpec()) + ".",
                Map.of("tableName", name, "specifiedBucketString", describe(specified),
                        "existingBucketString", describe(table.bucketSpec())));
    }

    /** The names as the schema spells them (unknown names as given). */
    private static List<String> spelled(List<String> columns, StructType schema) {
        return columns.stream().map(c -> schema.indexOf(c) < 0 ? c : schema.field(schema.indexOf(c)).name()).toList();
    }

    /** Spark's {@code BucketSpec.toString}: {@code 2 buckets, bucket columns: [id], sort columns: [s]}, or {@code not bucketed}. */
    private static String describe(BucketSpec b) {
        if (b == null) {
            return "not bucketed";
        }
        return b.numBuckets() + " buckets, bucket columns: [" + String.join(", ", b.bucketColumns()) + "]"
                + (b.sortColumns().isEmpty() ? "" : ", sort columns: [" + String.join(", ", b.sortColumns()) + "]");
    }

    static AnalysisException invalidBucketCount(int n) {
        return new AnalysisException("INVALID_BUCKET_COUNT", "Number of buckets should be greater than 0 but less than"
                + " or equal to bucketing.maxBuckets (`" + BucketSpec.MAX_BUCKETS + "`). Got `" + n + "`.",
                Map.of("bucketingMaxBuckets", String.valueOf(BucketSpec.MAX_BUCKETS), "numBuckets", String.valueOf(n)));
    }

    private static AnalysisException partitionOverlap(String errorClass, String what, String parameter, String column,
            List<String> partitionColumns) {
        String parts = String.join(", ", partitionColumns);
        return new AnalysisException(errorClass, what + " '" + column + "' should not be part of partition columns '"
                + parts + "'.", Map.of(parameter, column, "normalizedPartCols", parts));
    }
}
