package io.ember.sql.api.catalog;

import java.util.List;

/** A table or view as {@code Catalog.listTables} shows it (Spark's {@code catalog.Table}); catalog and namespace null/empty for a temporary view. */
public record Table(String name, String catalog, List<String> namespace, String description, String tableType,
        boolean isTemporary) {}
