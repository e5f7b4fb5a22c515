package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One batch's grouping keys as longs, for {@link ColumnarKeyTable}: int- and long-backed
 * values as themselves, decimals as unscaled longs at their type's scale, strings as the ids
 * their column's {@link StringCodes} gives them (dictionary-encoded strings through one id per
 * dictionary entry, so no row builds or compares a string); then one hash per row over those
 * longs. A row whose string has no id (a lookup without insertion) is marked absent.
 *
 * <p>Threading: an instance belongs to one call on one thread; a table's owner may reuse one
 * across its {@code findOrInsert} calls, while lookups each make their own.
 */
final class KeyRows {
    private static final int NULL_HASH = 0x5bd1e995;
    /** A dictionary entry not yet given an id in {@link #dictIds}. */
    private static final int UNMAPPED = -2;
    /** A null dictionary entry in {@link #dictIds}. */
    private static final int NULL_ENTRY = -3;

    int n;
    int[] hashes = new int[0];
    /** Per key column: the rows' values (maybe a vector's own array, never written). */
    final long[][] values;
    /** Per key column: null flags (maybe a vector's own array), or null when no row is null. */
    final boolean[][] nulls;
    /** Rows that cannot match any stored key (a string without an id), or null when none. */
    boolean[] absent;
    private final long[][] ownValues;
    private final boolean[][] ownNulls;
    private final ColumnVector[] lastDictionary;
    private final int[][] dictIds;

    KeyRows(int k) {
        values = new long[k][];
        nulls = new boolean[k][];
        ownValues = new long[k][];
        ownNulls = new boolean[k][];
        lastDictionary = new ColumnVector[k];
        dictIds = new int[k][];
    }

    /**
     * Unpacks {@code keys[0..n)}, numbering new strings when {@code insert}, and hashes the rows.
     * {@code ids[c]} is column c's string numbering (null for a non-string column).
     */
    void load(ColumnVector[] keys, int n, List<DataType> types, StringCodes[] ids, boolean insert) {
        unpack(keys, n, types, ids, insert);
        hash(keys.length);
    }

    /** {@link #load} without the hashes: {@link #hashRow} gives a row's when it is needed. */
    void unpack(ColumnVector[] keys, int n, List<DataType> types, StringCodes[] ids, boolean insert) {
        this.n = n;
        absent = null;
        for (int c = 0; c < keys.length; c++) {
            if (ids[c] != null) {
                loadStrings(c, keys[c], ids[c], insert);
            } else {
                loadLongs(c, keys[c], types.get(c), insert);
            }
        }
    }

    private long[] ownValues(int c) {
        if (ownValues[c] == null || ownValues[c].length < n) {
            ownValues[c] = new long[Math.max(n, 16)];
        }
        return ownValues[c];
    }

    /** Column c's own null flags, cleared for rows {@code [0, n)}. */
    private boolean[] ownNulls(int c) {
        if (ownNulls[c] == null || ownNulls[c].length < n) {
            ownNulls[c] = new boolean[Math.max(n, 16)];
        } else {
            java.util.Arrays.fill(ownNulls[c], 0, n, false);
        }
        return ownNulls[c];
    }

    /**
     * A decimal's unscaled long at {@code scale}. A value that has none (more digits than the
     * scale or a long holds) equals no stored key, so a lookup marks its row absent; an
     * inserted key of the table's own type always has one.
     */
    private long unscaled(BigDecimal d, int scale, int r, boolean insert) {
        try {
            return d.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException noLong) {
            if (insert) {
                throw noLong;
            }
            markAbsent(r);
            return 0;
        }
    }

    private void markAbsent(int r) {
        if (absent == null) {
            absent = new boolean[n];
        }
        absent[r] = true;
    }

    private void loadLongs(int c, ColumnVector v, DataType type, boolean insert) {
        final int n = this.n;
        if (v instanceof LongVector lv && !(type instanceof DecimalType)) {
            values[c] = lv.values;
            nulls[c] = lv.nulls;
        } else if (v instanceof IntVector iv) {
            long[] out = ownValues(c);
            int[] in = iv.values;
            for (int r = 0; r < n; r++) {
                out[r] = in[r];
            }
            values[c] = out;
            nulls[c] = iv.nulls;
        } else if (v instanceof DecimalVector dv && type instanceof DecimalType dt && dv.scale() == dt.scale()) {
            values[c] = dv.unscaled;
            nulls[c] = dv.nulls;
        } else {
            long[] out = ownValues(c);
            boolean[] isNull = ownNulls(c);
            int scale = type instanceof DecimalType dt ? dt.scale() : 0;
            for (int r = 0; r < n; r++) {
                if (v.isNull(r)) {
                    isNull[r] = true;
                    out[r] = 0;
                } else if (type instanceof DecimalType) {
                    out[r] = unscaled((BigDecimal) v.get(r), scale, r, insert);
                } else {
                    out[r] = v.getLong(r);
                }
            }
            values[c] = out;
            nulls[c] = isNull;
        }
    }

    private void loadStrings(int c, ColumnVector v, StringCodes ids, boolean insert) {
        final int n = this.n;
        long[] out = ownValues(c);
        nulls[c] = null;
        if (v instanceof DictionaryVector d) {
            int[] map = dictionaryIds(c, d.dictionary, insert);
            int[] codes = d.codes;
            for (int r = 0; r < n; r++) {
                int code = codes[r];
                int id = code < 0 ? NULL_ENTRY : map[code];
                if (id == UNMAPPED) {
                    id = map[code] = d.dictionary.isNull(code) ? NULL_ENTRY : ids.code(d.dictionary.getString(code), insert);
                }
                if (id >= 0) {
                    out[r] = id;
                } else {
                    unusual(c, r, id, out);
                }
            }
        } else {
            String[] in = v instanceof StringVector sv ? sv.values : null;
            for (int r = 0; r < n; r++) {
                String s = in != null ? in[r] : v.isNull(r) ? null : v.getString(r);
                int id = s == null ? NULL_ENTRY : ids.code(s, insert);
                if (id >= 0) {
                    out[r] = id;
                } else {
                    unusual(c, r, id, out);
                }
            }
        }
        values[c] = out;
    }

    /** Row r of string column c is null ({@code id} {@link #NULL_ENTRY}) or has no id ({@link StringCodes#NONE}). */
    private void unusual(int c, int r, int id, long[] out) {
        out[r] = 0;
        if (id == NULL_ENTRY) {
            if (nulls[c] == null) {
                nulls[c] = ownNulls(c);
            }
            nulls[c][r] = true;
        } else {
            markAbsent(r);
        }
    }

    /**
     * Column c's dictionary entries' ids, filled as rows reach them: kept across batches that
     * share the dictionary (a Parquet column chunk's) while inserting, since ids never change
     * then; made afresh per call for lookups, whose misses must not stick.
     */
    private int[] dictionaryIds(int c, ColumnVector dictionary, boolean insert) {
        if (insert && lastDictionary[c] == dictionary) {
            return dictIds[c];
        }
        int[] map = new int[dictionary.size()];
        java.util.Arrays.fill(map, UNMAPPED);
        if (insert) {
            lastDictionary[c] = dictionary;
            dictIds[c] = map;
        }
        return map;
    }

    private void hash(int k) {
        final int n = this.n;
        if (hashes.length < n) {
            hashes = new int[Math.max(n, 16)];
        }
        int[] h = hashes;
        java.util.Arrays.fill(h, 0, n, 42);
        for (int c = 0; c < k; c++) {
            long[] v = values[c];
            boolean[] isNull = nulls[c];
            if (isNull == null) {
                for (int r = 0; r < n; r++) {
                    h[r] = RowHasher.combine(h[r], RowHasher.hashLong(v[r]));
                }
            } else {
                for (int r = 0; r < n; r++) {
                    h[r] = RowHasher.combine(h[r], isNull[r] ? NULL_HASH : RowHasher.hashLong(v[r]));
                }
            }
        }
        for (int r = 0; r < n; r++) {
            h[r] = RowHasher.fmix(h[r]);
        }
    }

    /** Row r's hash, the value {@link #load} puts in {@code hashes[r]}. */
    int hashRow(int r) {
        int h = 42;
        for (int c = 0; c < values.length; c++) {
            boolean[] isNull = nulls[c];
            h = RowHasher.combine(h, isNull != null && isNull[r] ? NULL_HASH : RowHasher.hashLong(values[c][r]));
        }
        return RowHasher.fmix(h);
    }

    /** True if row r (at least 1) has the same key as row r - 1, nulls equal to nulls. */
    boolean sameAsPrevious(int r) {
        for (int c = 0; c < values.length; c++) {
            boolean[] isNull = nulls[c];
            if (isNull != null && isNull[r] != isNull[r - 1]) {
                return false;
            }
            if (values[c][r] != values[c][r - 1] && (isNull == null || !isNull[r])) {
                return false;
            }
        }
        return true;
    }

    /** True if column c of row r is null. */
    boolean isNull(int c, int r) {
        return nulls[c] != null && nulls[c][r];
    }

    /** True if the key types are ones this class unpacks: int- or long-backed, strings, decimals of at most 18 digits. */
    static boolean supports(List<DataType> types) {
        for (DataType t : types) {
            boolean ok = DataTypes.isIntBacked(t) || DataTypes.isLongBacked(t) || t.equals(DataTypes.StringType)
                    || t instanceof DecimalType d && d.precision() <= DecimalVector.MAX_LONG_DIGITS;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
