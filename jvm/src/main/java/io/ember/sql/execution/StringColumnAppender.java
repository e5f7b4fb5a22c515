package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;

/**
 * Appends a string column of an exchange's partition, from plain ({@link StringVector}) or
 * dictionary-encoded ({@link DictionaryVector}) input: it keeps the string instances (the
 * dictionary's own, so no string is built) and the codec dictionary-encodes them again when
 * they repeat. Single-threaded.
 */
final class StringColumnAppender implements ColumnAppender {
    private final DataType type;
    private String[] values = new String[0];

    StringColumnAppender(DataType type) {
        this.type = type;
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof StringVector || v instanceof DictionaryVector;
    }

    @Override
    public void append(ColumnVector v, int[] rows, int from, int to, int held) {
        int need = held + to - from;
        if (need > values.length) {
            values = Arrays.copyOf(values, ColumnAppender.grow(values.length, need));
        }
        String[] dst = values;
        int at = held;
        if (v instanceof StringVector s) {
            String[] src = s.values;
            for (int i = from; i < to; i++) {
                dst[at++] = src[rows[i]];
            }
        } else if (v instanceof DictionaryVector d && d.dictionary instanceof StringVector dict) {
            int[] codes = d.codes;
            String[] entries = dict.values;
            for (int i = from; i < to; i++) {
                int c = codes[rows[i]];
                dst[at++] = c < 0 ? null : entries[c];
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[at++] = v.getString(rows[i]);
            }
        }
    }

    @Override
    public ColumnVector toVector(int held) {
        return new StringVector(type, Arrays.copyOf(values, held));
    }

    @Override
    public void write(ByteSink out, int held) {
        BatchCodec.writeStrings(out, values, held);
        Arrays.fill(values, 0, held, null);   // let the strings go; the array is reused
    }
}
