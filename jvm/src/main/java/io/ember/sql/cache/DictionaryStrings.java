package io.ember.sql.cache;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;

/**
 * Strings of a low-cardinality column: the batch's distinct values once (UTF-8) and a
 * bit-packed code per row. Decodes to a {@link DictionaryVector}, which grouping and
 * comparisons can use without materializing a string per row.
 */
final class DictionaryStrings implements EncodedColumn {
    private static final long serialVersionUID = 1L;

    private final Utf8Heap dictionary;
    private final int codeWidth;
    private final long[] codes;
    private final long[] nulls;

    DictionaryStrings(Utf8Heap dictionary, int codeWidth, long[] codes, long[] nulls) {
        this.dictionary = dictionary;
        this.codeWidth = codeWidth;
        this.codes = codes;
        this.nulls = nulls;
    }

    @Override
    public ColumnVector decode(DataType type, int numRows) {
        int[] out = new int[numRows];
        BitPacking.unpackInts(codes, numRows, codeWidth, 0, out);
        if (nulls != null) {
            for (int i = 0; i < numRows; i++) {
                if (NullBits.isSet(nulls, i)) {
                    out[i] = -1;
                }
            }
        }
        return new DictionaryVector(out, new StringVector(type, dictionary.decode()));
    }

    @Override
    public long sizeInBytes() {
        return 32 + dictionary.sizeInBytes() + 16 + 8L * codes.length + NullBits.size(nulls);
    }
}
