package io.ember.sql.api.catalog;

import java.util.List;

/** A function as {@code Catalog.listFunctions} shows it (Spark's {@code catalog.Function}). */
public record Function(String name, String catalog, List<String> namespace, String description, String className,
        boolean isTemporary) {}
