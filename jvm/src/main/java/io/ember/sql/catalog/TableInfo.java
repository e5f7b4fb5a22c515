package io.ember.sql.catalog;

/**
 * One row of {@code SHOW TABLES} / {@code spark.catalog.listTables()}. {@code tableType} is
 * Spark's: {@code MANAGED}, {@code EXTERNAL} or {@code TEMPORARY}; {@code database} is null for
 * a session temporary view.
 */
public record TableInfo(String name, String database, String description, String tableType, boolean temporary) {}
