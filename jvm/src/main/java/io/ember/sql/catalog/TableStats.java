package io.ember.sql.catalog;

/** Statistics {@code ANALYZE TABLE} stored for a table: bytes of its files and, unless NOSCAN, its rows (else null). */
public record TableStats(long sizeInBytes, Long rowCount) {}
