package io.ember.sql.catalog;

import io.ember.sql.sources.BucketSpec;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * What {@code CREATE TABLE} or {@code saveAsTable} asks for. {@code schema} is null when the
 * columns come from a query; {@code location} is null for a managed table under the warehouse
 * directory; {@code bucketSpec} is null for a table without buckets; {@code properties} are the
 * {@code TBLPROPERTIES}.
 */
public record TableDefinition(List<String> nameParts, StructType schema, String provider,
        List<String> partitionColumns, Map<String, String> options, String location, String comment,
        BucketSpec bucketSpec, Map<String, String> properties) {
    public TableDefinition {
        nameParts = List.copyOf(nameParts);
        partitionColumns = List.copyOf(partitionColumns);
        options = Map.copyOf(options);
        properties = Map.copyOf(properties);
    }

    /** A definition without buckets or {@code TBLPROPERTIES}. */
    public TableDefinition(List<String> nameParts, StructType schema, String provider, List<String> partitionColumns,
            Map<String, String> options, String location, String comment) {
        this(nameParts, schema, provider, partitionColumns, options, location, comment, null, Map.of());
    }
}
