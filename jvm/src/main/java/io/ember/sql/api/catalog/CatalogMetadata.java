package io.ember.sql.api.catalog;

/** A catalog as {@code Catalog.listCatalogs} shows it (Spark's {@code catalog.CatalogMetadata}). */
public record CatalogMetadata(String name, String description) {}
