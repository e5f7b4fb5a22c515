package io.ember.sql.execution;

import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Grouping by several int-, long- or string-backed keys without boxing: each key column's
 * values are kept in a growable typed array (longs with a null mask, or strings where null is
 * null), probed by a column-at-a-time row hash ({@link RowHasher}) in an open-addressing table
 * and compared column-wise against the batch's vectors; keys are emitted by array copy.
 * Owned by one task.
 */
final class ColumnarKeyTable implements GroupKeyTable {
    private static final long serialVersionUID = 1L;

    private final List<DataType> types;
    private final boolean[] isString;
    private final long[][] longs;
    private final boolean[][] nulls;
    private final String[][] strings;
    private final HashSlots slots = new HashSlots(1 << 12);
    private int numGroups;
    private long stringBytes;

    /**
     * One batch's keys unpacked for probing: per call, never kept, so that a broadcast table
     * is probed by several task threads at once without sharing them.
     */
    private static final class Probe {
        final int[] hashes;
        final long[][] longs;
        final boolean[][] nulls;
        final String[][] strings;

        Probe(int[] hashes, int k) {
            this.hashes = hashes;
            this.longs = new long[k][];
            this.nulls = new boolean[k][];
            this.strings = new String[k][];
        }
    }

    /** True if every key is int-backed, long-backed or a string. */
    static boolean supports(List<DataType> types) {
        for (DataType t : types) {
            if (!(DataTypes.isIntBacked(t) || DataTypes.isLongBacked(t) || t.equals(DataTypes.StringType))) {
                return false;
            }
        }
        return true;
    }

    ColumnarKeyTable(List<DataType> types) {
        this.types = List.copyOf(types);
        int k = types.size();
        isString = new boolean[k];
        longs = new long[k][];
        nulls = new boolean[k][];
        strings = new String[k][];
        for (int c = 0; c < k; c++) {
            isString[c] = types.get(c).equals(DataTypes.StringType);
            if (isString[c]) {
                strings[c] = new String[1024];
            } else {
                longs[c] = new long[1024];
                nulls[c] = new boolean[1024];
            }
        }
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int n, int[] groupIds) {
        Probe b = prepare(keys, n);
        for (int r = 0; r < n; r++) {
            groupIds[r] = find(r, b.hashes[r], b);
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int n, int[] groupIds) {
        Probe b = prepare(keys, n);
        for (int r = 0; r < n; r++) {
            groupIds[r] = anyNull(r, b) ? -1 : probe(r, b.hashes[r], b);
        }
    }

    /** Hashes the rows and unpacks the key vectors into the batch arrays the probes read. */
    private Probe prepare(ColumnVector[] keys, int n) {
        int[] hashes = new int[n];
        RowHasher.hash(keys, n, hashes);
        Probe b = new Probe(hashes, keys.length);
        for (int c = 0; c < keys.length; c++) {
            if (isString[c]) {
                b.strings[c] = Vectors.strings(keys[c]);
            } else {
                LongVector lv = Vectors.longs(keys[c]);
                b.longs[c] = lv.values;
                b.nulls[c] = lv.nulls;
            }
        }
        return b;
    }

    private boolean anyNull(int r, Probe b) {
        for (int c = 0; c < isString.length; c++) {
            if (isString[c] ? b.strings[c][r] == null : b.nulls[c] != null && b.nulls[c][r]) {
                return true;
            }
        }
        return false;
    }

    private boolean rowEquals(int g, int r, Probe b) {
        for (int c = 0; c < isString.length; c++) {
            if (isString[c]) {
                if (!Objects.equals(strings[c][g], b.strings[c][r])) {
                    return false;
                }
            } else {
                boolean rowNull = b.nulls[c] != null && b.nulls[c][r];
                if (rowNull != nulls[c][g] || (!rowNull && longs[c][g] != b.longs[c][r])) {
                    return false;
                }
            }
        }
        return true;
    }

    private int probe(int r, int h, Probe b) {
        int slot = h & slots.mask;
        while (true) {
            int g = slots.groups[slot];
            if (g < 0 || (slots.hashes[slot] == h && rowEquals(g, r, b))) {
                return g;
            }
            slot = (slot + 1) & slots.mask;
        }
    }

    private int find(int r, int h, Probe b) {
        int slot = h & slots.mask;
        while (true) {
            int g = slots.groups[slot];
            if (g < 0) {
                g = newGroup(r, b);
                slots.fill(slot, g, h, numGroups);
                return g;
            }
            if (slots.hashes[slot] == h && rowEquals(g, r, b)) {
                return g;
            }
            slot = (slot + 1) & slots.mask;
        }
    }

    private int newGroup(int r, Probe b) {
        int g = numGroups;
        for (int c = 0; c < isString.length; c++) {
            if (isString[c]) {
                if (g == strings[c].length) {
                    strings[c] = Arrays.copyOf(strings[c], g * 2);
                }
                String s = b.strings[c][r];
                strings[c][g] = s;
                stringBytes += s == null ? 0 : 40 + 2L * s.length();
            } else {
                if (g == longs[c].length) {
                    longs[c] = Arrays.copyOf(longs[c], g * 2);
                    nulls[c] = Arrays.copyOf(nulls[c], g * 2);
                }
                boolean isNull = b.nulls[c] != null && b.nulls[c][r];
                nulls[c][g] = isNull;
                longs[c][g] = isNull ? 0 : b.longs[c][r];
            }
        }
        return numGroups++;
    }

    @Override
    public int numGroups() {
        return numGroups;
    }

    @Override
    public ColumnVector[] keys(int from, int to) {
        ColumnVector[] out = new ColumnVector[types.size()];
        for (int c = 0; c < out.length; c++) {
            DataType t = types.get(c);
            if (isString[c]) {
                out[c] = new StringVector(t, Arrays.copyOfRange(strings[c], from, to));
                continue;
            }
            boolean[] mask = null;
            for (int g = from; g < to; g++) {
                if (nulls[c][g]) {
                    mask = Arrays.copyOfRange(nulls[c], from, to);
                    break;
                }
            }
            if (DataTypes.isIntBacked(t)) {
                int[] v = new int[to - from];
                for (int g = from; g < to; g++) {
                    v[g - from] = (int) longs[c][g];
                }
                out[c] = new IntVector(t, v, mask);
            } else {
                out[c] = new LongVector(t, Arrays.copyOfRange(longs[c], from, to), mask);
            }
        }
        return out;
    }

    @Override
    public long growableBytes() {
        return sizeInBytes() - stringBytes;
    }

    @Override
    public long sizeInBytes() {
        long s = slots.sizeInBytes() + stringBytes;
        for (int c = 0; c < isString.length; c++) {
            s += isString[c] ? 8L * strings[c].length : 9L * longs[c].length;
        }
        return s;
    }
}
