package io.ember.sql.api.catalog;

/** A column as {@code Catalog.listColumns} shows it (Spark's {@code catalog.Column}); {@code dataType} in DDL form ({@code bigint}). */
public record Column(String name, String description, String dataType, boolean nullable, boolean isPartition,
        boolean isBucket, boolean isCluster) {}
