package io.ember.sql.expressions;

import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.BooleanVector;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import java.io.Serializable;

/**
 * A boolean predicate of one dictionary-encoded input evaluated once per dictionary entry
 * rather than once per row: the entries' answers are kept for the last dictionary seen (a scan
 * hands the same dictionary to every batch of a column chunk), and each batch only maps its
 * codes to them. An expression owns one memo per predicate it evaluates this way.
 *
 * <p>Thread-safe: the kept answers are an immutable pair published through a volatile field;
 * threads racing on a new dictionary each compute the same answers.
 */
final class DictionaryMemo implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Dictionaries larger than this are not worth evaluating whole for one batch. */
    static final int MAX_ENTRIES = 1 << 16;

    /** The predicate's answer for one non-null dictionary entry (null for SQL's unknown). */
    interface EntryTest {
        Boolean test(ColumnVector dictionary, int entry);
    }

    /** The answers for {@code dictionary}'s entries; {@code nulls[e]} where entry {@code e} (or its answer) is null. */
    private record Answers(ColumnVector dictionary, boolean[] values, boolean[] nulls) {}

    private transient volatile Answers last;

    /** Whether {@link #eval} suits {@code v}: a dictionary vector of a modest dictionary. */
    static boolean applies(ColumnVector v) {
        return v instanceof DictionaryVector d && d.dictionary.size() <= MAX_ENTRIES;
    }

    /**
     * The predicate over rows {@code 0..n-1} of {@code v}: null where the value is null, else
     * {@code test}'s answer for the row's entry. {@code test} must not change between calls.
     */
    BooleanVector eval(DictionaryVector v, int n, EntryTest test) {
        Answers a = last;
        if (a == null || a.dictionary != v.dictionary) {
            a = answers(v.dictionary, test);
            last = a;
        }
        boolean[] out = new boolean[n];
        boolean[] nulls = null;
        int[] codes = v.codes;
        boolean[] values = a.values;
        boolean[] entryNulls = a.nulls;
        for (int i = 0; i < n; i++) {
            int c = codes[i];
            if (c < 0 || entryNulls != null && entryNulls[c]) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            } else {
                out[i] = values[c];
            }
        }
        return new BooleanVector(DataTypes.BooleanType, out, nulls);
    }

    private static Answers answers(ColumnVector dictionary, EntryTest test) {
        int size = dictionary.size();
        boolean[] values = new boolean[size];
        boolean[] nulls = null;
        for (int e = 0; e < size; e++) {
            if (dictionary.isNull(e)) {
                if (nulls == null) {
                    nulls = new boolean[size];
                }
                nulls[e] = true;
            } else {
                Boolean answer = test.test(dictionary, e);
                if (answer == null) {
                    if (nulls == null) {
                        nulls = new boolean[size];
                    }
                    nulls[e] = true;
                } else {
                    values[e] = answer;
                }
            }
        }
        return new Answers(dictionary, values, nulls);
    }
}
