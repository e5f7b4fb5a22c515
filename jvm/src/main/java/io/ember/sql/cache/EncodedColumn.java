package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;

/**
 * One column of a {@link CachedBatch}, in a compact encoding chosen for its values by
 * {@link ColumnEncoder}. Immutable once built, so concurrent scans may decode one cached block;
 * the vectors it decodes to are read-only, as every handed-on vector is.
 */
interface EncodedColumn extends Serializable {
    /** The column's {@code numRows} values as a vector of {@code type}. */
    ColumnVector decode(DataType type, int numRows);

    /** Heap bytes this encoding holds (its arrays), for statistics and the memory figures. */
    long sizeInBytes();
}
