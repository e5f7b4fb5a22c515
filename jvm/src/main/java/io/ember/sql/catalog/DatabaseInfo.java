package io.ember.sql.catalog;

/** A database of the warehouse: its name, comment and where its managed tables' files go ({@code file:} URI). */
public record DatabaseInfo(String name, String description, String locationUri) {}
