package io.ember.sql.catalog;

import io.ember.sql.sources.BucketSpec;
import io.ember.sql.types.StructType;
import java.util.List;
import java.util.Map;

/**
 * A persistent table's metadata as the warehouse stores it: name, format ({@code provider}),
 * columns (partition columns last, in partitioning order), options, where its files are,
 * {@code MANAGED} (files under the warehouse, dropped with the table) or {@code EXTERNAL}, and
 * the statistics of the last {@code ANALYZE TABLE} (null when none or stale), and the user's
 * {@code TBLPROPERTIES} (sorted by key). {@code version}
 * grows with every change of its data, so sessions holding a listing of its files know to list
 * again. {@code bucketSpec} is null unless the table is bucketed.
 */
public record CatalogTable(String database, String name, String provider, StructType schema,
        List<String> partitionColumns, Map<String, String> options, String location, String tableType, String comment,
        long createTime, TableStats stats, long version, BucketSpec bucketSpec, Map<String, String> properties) {
    public CatalogTable {
        partitionColumns = List.copyOf(partitionColumns);
        options = Map.copyOf(options);
        properties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(properties));
    }


    /** This table with its {@code TBLPROPERTIES} (sorted by key, as Spark lists them) replaced. */
    public CatalogTable withProperties(Map<String, String> newProperties) {
        return new CatalogTable(database, name, provider, schema, partitionColumns, options, location, tableType, comment,
                createTime, stats, version, bucketSpec, newProperties);
    }

    /** A table without buckets or {@code TBLPROPERTIES}. */
    public CatalogTable(String database, String name, String provider, StructType schema,
            List<String> partitionColumns, Map<String, String> options, String location, String tableType,
            String comment, long createTime, TableStats stats, long version) {
        this(database, name, provider, schema, partitionColumns, options, location, tableType, comment, createTime,
                stats, version, null, Map.of());
    }

    /** {@code [spark_catalog, db, name]}, as Spark names a table in messages. */
    public List<String> qualifiedName() {
        return List.of(EmberSessionCatalog.CATALOG_NAME, database, name);
    }

    public boolean managed() {
        return "MANAGED".equals(tableType);
    }

    public boolean isPartitionColumn(String column) {
        return partitionColumns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    public CatalogTable withStats(TableStats newStats) {
        return new CatalogTable(database, name, provider, schema, partitionColumns, options, location, tableType, comment,
                createTime, newStats, version, bucketSpec, properties);
    }

    /** This table after its data changed: next version, statistics dropped (Spark drops them on writes). */
    public CatalogTable afterDataChange() {
        return new CatalogTable(database, name, provider, schema, partitionColumns, options, location, tableType, comment,
                createTime, null, version + 1, bucketSpec, properties);
    }
}
