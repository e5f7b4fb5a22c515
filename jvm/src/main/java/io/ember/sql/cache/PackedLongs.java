package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;

/**
 * Integers (any int- or long-backed type) as bit-packed offsets from the batch minimum: a
 * column of values within a range of {@code 2^w} costs {@code w} bits a row.
 */
final class PackedLongs implements EncodedColumn {
    private static final long serialVersionUID = 1L;

    private final long base;
    private final int width;
    private final long[] words;
    private final long[] nulls;

    PackedLongs(long base, int width, long[] words, long[] nulls) {
        this.base = base;
        this.width = width;
        this.words = words;
        this.nulls = nulls;
    }

    static PackedLongs encode(long[] values, int n, long min, long max, long[] nulls) {
        int width = BitPacking.width(max - min);
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = NullBits.isSet(nulls, i) ? 0 : values[i] - min;
        }
        return new PackedLongs(min, width, BitPacking.pack(offsets, n, width), nulls);
    }

    /** Bytes the packed form of {@code n} values spanning {@code max - min} takes. */
    static long cost(int n, long min, long max) {
        return ((long) n * BitPacking.width(max - min) + 63) / 64 * 8;
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        boolean[] nullMask = NullBits.toBooleans(nulls, numRows);
        if (DataTypes.isIntBacked(type)) {
            int[] out = new int[numRows];
            BitPacking.unpackInts(words, numRows, width, (int) base, out);
            return new IntVector(type, out, nullMask);
        }
        long[] out = new long[numRows];
        BitPacking.unpack(words, numRows, width, base, out);
        return new LongVector(type, out, nullMask);
    }

    @Override
    public long sizeInBytes() {
        return 32 + 16 + 8L * words.length + NullBits.size(nulls);
    }
}
