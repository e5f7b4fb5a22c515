package io.ember.sql.cache;

import java.io.Serializable;

/**
 * What a cached batch knows about one column without decoding it: the smallest and largest
 * non-null values (internal representation; null when unknown, e.g. all null or a type
 * without an order here) and the number of nulls. Scans skip batches with these.
 */
record ColumnStats(Object min, Object max, int nullCount) implements Serializable {}
