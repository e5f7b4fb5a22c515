package io.ember.sql.cache;

import io.ember.sql.execution.VectorOps;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DictionaryVector;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.FloatVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses each cached column's encoding from its values and computes its statistics:
 * integers bit-packed from the minimum or run-length encoded, whichever is smaller; strings
 * dictionary-encoded when at most half the rows are distinct, else stored as UTF-8; doubles
 * that are short decimals as scaled integers; other types kept as vectors. Stateless.
 */
final class ColumnEncoder {
    private ColumnEncoder() {}

    record Encoded(EncodedColumn column, ColumnStats stats) {}

    static Encoded encode(ColumnVector v, int n) {
        if (v instanceof DictionaryVector d && d.dictionary instanceof StringVector dict) {
            return dictionaryStrings(d, dict, n);
        }
        if (v instanceof DictionaryVector) {
            return encode(VectorOps.decode(v), n);
        }
        if (v instanceof IntVector iv) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = iv.values[i];
            }
            return integers(values, n, NullBits.of(v, n), true);
        }
        if (v instanceof LongVector lv) {
            return integers(lv.values, n, NullBits.of(v, n), false);
        }
        if (v instanceof StringVector sv) {
            return strings(sv, n);
        }
        ColumnVector kept = trimmed(v, n);
        long[] nulls = NullBits.of(kept, n);
        Object min = null;
        Object max = null;
        if (kept instanceof DoubleVector || kept instanceof FloatVector) {
            for (int i = 0; i < n; i++) {
                if (!NullBits.isSet(nulls, i)) {
                    double x = kept.getDouble(i);
                    Object boxed = kept instanceof FloatVector ? (Object) (float) x : (Object) x;
                    if (min == null || ValueOrder.compare(boxed, min) < 0) {
                        min = boxed;
                    }
                    if (max == null || ValueOrder.compare(boxed, max) > 0) {
                        max = boxed;
                    }
                }
            }
        }
        EncodedColumn column = null;
        if (kept instanceof DoubleVector dv) {
            column = ScaledDoubles.tryEncode(dv.values, n, nulls);
        }
        return new Encoded(column != null ? column : new PlainValues(kept),
                new ColumnStats(min, max, NullBits.count(nulls)));
    }

    private static ColumnVector trimmed(ColumnVector v, int n) {
        return v.size() == n ? v : VectorOps.slice(new ColumnBatch(new ColumnVector[] {v}, n), 0, n).column(0);
    }

    private static Encoded integers(long[] values, int n, long[] nulls, boolean intBacked) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        int nullCount = NullBits.count(nulls);
        for (int i = 0; i < n; i++) {
            if (!NullBits.isSet(nulls, i)) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        }
        if (nullCount == n) {
            return new Encoded(PackedLongs.encode(values, n, 0, 0, nulls), new ColumnStats(null, null, n));
        }
        ColumnStats stats = intBacked
                ? new ColumnStats((int) min, (int) max, nullCount)
                : new ColumnStats(min, max, nullCount);
        int runs = RunLengthLongs.countRuns(values, n, nulls);
        EncodedColumn column = RunLengthLongs.cost(runs) < PackedLongs.cost(n, min, max)
                ? RunLengthLongs.encode(values, n, runs, nulls)
                : PackedLongs.encode(values, n, min, max, nulls);
        return new Encoded(column, stats);
    }

    /** Re-codes a dictionary vector to the entries its rows use (a scan's dictionary may hold more). */
    private static Encoded dictionaryStrings(DictionaryVector d, StringVector dict, int n) {
        int[] remap = new int[dict.size()];
        java.util.Arrays.fill(remap, -1);
        String[] distinct = new String[Math.min(n, dict.size())];
        int used = 0;
        long[] nulls = null;
        long[] codes = new long[n];
        for (int i = 0; i < n; i++) {
            int c = d.codes[i];
            if (c < 0 || dict.values[c] == null) {
                nulls = setBit(nulls, i, n);
                continue;
            }
            if (remap[c] < 0) {
                remap[c] = used;
                distinct[used++] = dict.values[c];
            }
            codes[i] = remap[c];
        }
        if (used > n / 2) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = d.getString(i);
            }
            return strings(new StringVector(d.dataType(), values), n);
        }
        return dictionaryOf(distinct, used, codes, n, nulls);
    }

    private static Encoded strings(StringVector v, int n) {
        Map<String, Integer> index = new HashMap<>();
        String[] distinct = new String[n];
        long[] codes = new long[n];
        long[] nulls = null;
        boolean dictionary = true;
        for (int i = 0; i < n && dictionary; i++) {
            String s = v.values[i];
            if (s == null) {
                nulls = setBit(nulls, i, n);
                continue;
            }
            Integer code = index.get(s);
            if (code == null) {
                code = index.size();
                index.put(s, code);
                distinct[code] = s;
                dictionary = index.size() <= n / 2;
            }
            codes[i] = code;
        }
        if (dictionary) {
            return dictionaryOf(distinct, index.size(), codes, n, nulls);
        }
        nulls = NullBits.of(v, n);
        String min = null;
        String max = null;
        for (int i = 0; i < n; i++) {
            String s = v.values[i];
            if (s != null) {
                min = min == null || ValueOrder.compareStrings(s, min) < 0 ? s : min;
                max = max == null || ValueOrder.compareStrings(s, max) > 0 ? s : max;
            }
        }
        return new Encoded(new PlainStrings(Utf8Heap.of(v.values, n), nulls),
                new ColumnStats(min, max, NullBits.count(nulls)));
    }

    private static Encoded dictionaryOf(String[] distinct, int size, long[] codes, int n, long[] nulls) {
        String min = null;
        String max = null;
        for (int k = 0; k < size; k++) {
            String s = distinct[k];
            min = min == null || ValueOrder.compareStrings(s, min) < 0 ? s : min;
            max = max == null || ValueOrder.compareStrings(s, max) > 0 ? s : max;
        }
        int width = BitPacking.width(Math.max(0, size - 1));
        EncodedColumn column = new DictionaryStrings(Utf8Heap.of(distinct, size), width,
                BitPacking.pack(codes, n, width), nulls);
        return new Encoded(column, new ColumnStats(min, max, NullBits.count(nulls)));
    }

    private static long[] setBit(long[] bits, int i, int n) {
        long[] b = bits == null ? new long[(n + 63) >>> 6] : bits;
        b[i >>> 6] |= 1L << i;
        return b;
    }
}
