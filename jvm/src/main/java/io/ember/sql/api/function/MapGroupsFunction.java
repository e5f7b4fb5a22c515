package io.ember.sql.api.function;

import java.io.Serializable;
import java.util.Iterator;

/** {@code KeyValueGroupedDataset.mapGroups}'s function, as Spark's {@code MapGroupsFunction}: one result per group. */
@FunctionalInterface
public interface MapGroupsFunction<K, V, U> extends Serializable {
    U call(K key, Iterator<V> values) throws Exception;
}
