package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;

/**
 * A string column of an exchange's map task, from plain ({@link StringVector}) or
 * dictionary-encoded ({@link DictionaryVector}) input: it keeps the string instances (the
 * dictionary's own, so no string is built) and the codec dictionary-encodes them again when
 * they repeat. Single-threaded.
 */
final class StringColumnScatter extends PartitionArrays {
    private final String[][] values;   // nulls are null strings: no null flags

    StringColumnScatter(DataType type, int partitions) {
        super(type, partitions);
        this.values = new String[partitions][];
        Arrays.fill(values, new String[0]);
    }

    @Override
    public boolean accepts(ColumnVector v) {
        return v instanceof StringVector || v instanceof DictionaryVector;
    }

    @Override
    void resize(int p, int capacity) {
        values[p] = Arrays.copyOf(values[p], capacity);
    }

    @Override
    public void scatter(ColumnVector v, int[] pids, int n, int[] held, int[] counts, int[] at) {
        ensure(held, counts);
        String[][] dst = values;
        System.arraycopy(held, 0, at, 0, held.length);
        if (v instanceof StringVector s) {
            String[] src = s.values;
            for (int i = 0; i < n; i++) {
                int p = pids[i];
                dst[p][at[p]++] = src[i];
            }
        } else if (v instanceof DictionaryVector d && d.dictionary instanceof StringVector dict) {
            int[] codes = d.codes;
            String[] entries = dict.values;
            for (int i = 0; i < n; i++) {
                int p = pids[i];
                int c = codes[i];
                dst[p][at[p]++] = c < 0 ? null : entries[c];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int p = pids[i];
                dst[p][at[p]++] = v.getString(i);
            }
        }
    }

    @Override
    public ColumnVector toVector(int p, int held) {
        return new StringVector(type, Arrays.copyOf(values[p], held));
    }

    @Override
    public void write(ByteSink out, int p, int held) {
        BatchCodec.writeStrings(out, values[p], held);
        Arrays.fill(values[p], 0, held, null);   // let the strings go; the array is reused
    }
}
