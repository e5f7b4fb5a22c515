package io.ember.sql.sources;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.io.IOException;

/**
 * UTF-8 strings (BINARY). The chunk's dictionary page is decoded once into a
 * {@link StringVector}, and a batch filled only from dictionary-encoded pages comes out as a
 * {@link DictionaryVector} over it (codes, -1 for null), so no string is decoded per row. A
 * batch that meets a PLAIN page (a writer falls back to PLAIN when the dictionary grows too
 * big) turns the codes it holds into strings and comes out as a {@link StringVector}. Used by
 * one task thread.
 */
final class ParquetStringValues extends ParquetValues {
    private final DataType type;
    private StringVector dict = new StringVector(0);
    private int[] codes; // while the batch is dictionary-only
    private String[] values; // once the batch has met a PLAIN page
    private int rows;

    ParquetStringValues(DataType type) {
        this.type = type;
    }

    @Override
    void start(int n) {
        rows = n;
        codes = new int[n];
        values = null;
    }

    @Override
    void dictionary(ParquetPlainDecoder page, int count) throws IOException {
        String[] d = new String[count];
        page.readStrings(d, 0, count);
        dict = new StringVector(type, d);
    }

    @Override
    int dictionarySize() {
        return dict.size();
    }

    @Override
    void plain(ParquetPlainDecoder in, int at, int count) throws IOException {
        if (values == null) {
            values = new String[rows];
            String[] d = dict.values;
            for (int r = 0; r < at; r++) {
                values[r] = codes[r] < 0 ? null : d[codes[r]];
            }
            codes = null;
        }
        in.readStrings(values, at, count);
    }

    @Override
    void skipPlain(ParquetPlainDecoder in, int count) throws IOException {
        in.skipBinaries(count);
    }

    @Override
    void lookup(int[] ids, int at, int count) {
        if (values == null) { // codes are kept, not looked up: checked while copied
            int size = dict.size();
            int[] c = codes;
            for (int i = 0; i < count; i++) {
                int id = ids[i];
                if (Integer.compareUnsigned(id, size) >= 0) {
                    throw new ArrayIndexOutOfBoundsException(id);
                }
                c[at + i] = id;
            }
            return;
        }
        String[] d = dict.values;
        for (int i = 0; i < count; i++) {
            values[at + i] = d[ids[i]];
        }
    }

    @Override
    void spread(boolean[] nulls, int at, int k, int m) {
        if (values == null) {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                codes[r] = nulls[r] ? -1 : codes[src--];
            }
        } else {
            for (int r = at + k - 1, src = at + m - 1; r > src; r--) {
                values[r] = nulls[r] ? null : values[src--];
            }
        }
    }

    @Override
    ColumnVector build(boolean[] nulls, int n) {
        if (values == null) {
            return dict.size() == 0 ? new StringVector(type, new String[n]) : new DictionaryVector(codes, dict);
        }
        return new StringVector(type, values);
    }
}
