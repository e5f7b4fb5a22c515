package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;

/**
 * A column kept as its vector, unencoded: floating point values (random mantissas do not
 * pack without a real compressor), booleans, and the types without an encoding here
 * (decimal, binary, arrays, maps, structs). Decoding hands out the stored vector, which is
 * read-only, as every handed-on vector is.
 */
final class PlainValues implements EncodedColumn {
    private static final long serialVersionUID = 1L;

    private final ColumnVector vector;

    PlainValues(ColumnVector vector) {
        this.vector = vector;
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        return vector;
    }

    @Override
    public long sizeInBytes() {
        return 16 + vector.sizeInBytes();
    }
}
