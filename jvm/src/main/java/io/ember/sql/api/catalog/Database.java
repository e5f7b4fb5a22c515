package io.ember.sql.api.catalog;

/** A database as {@code Catalog.listDatabases} shows it (Spark's {@code catalog.Database}). */
public record Database(String name, String catalog, String description, String locationUri) {}
