package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.StringVector;

/** Strings of a high-cardinality column, stored as UTF-8 (see {@link Utf8Heap}) plus nulls. */
final class PlainStrings implements EncodedColumn {
    private static final long serialVersionUID = 1L;

    private final Utf8Heap heap;
    private final long[] nulls;

    PlainStrings(Utf8Heap heap, long[] nulls) {
        this.heap = heap;
        this.nulls = nulls;
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        String[] values = heap.decode();
        if (nulls != null) {
            for (int i = 0; i < numRows; i++) {
                if (NullBits.isSet(nulls, i)) {
                    values[i] = null;
                }
            }
        }
        return new StringVector(type, values);
    }

    @Override
    public long sizeInBytes() {
        return 24 + heap.sizeInBytes() + NullBits.size(nulls);
    }
}
