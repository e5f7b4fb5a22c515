package io.ember.sql.api;

import io.ember.rdd.RDD;
import java.io.Serializable;

/**
 * What a typed operation does to the input's rows (external {@link Row}s, as the encoders
 * read them): per partition for map/filter/flatMap, or regrouped by key for {@code mapGroups}.
 * Runs in tasks, so it is serializable.
 */
interface RowsFunction extends Serializable {
    RDD<Row> apply(RDD<Row> rows);

    /** A short description for printed plans. */
    String describe();
}
