package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import io.ember.sql.vector.DoubleVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Grouping by any keys (several columns, strings, decimals, nested values): rows are hashed a
 * column at a time ({@link RowHasher}), then probed in an open-addressing table whose entries
 * keep the hash and the group's key values; a new group stores its key row once. Inserting is
 * for one owner; once built, {@link #lookup} may run on several threads at once (a broadcast
 * join's table is shared by the tasks of an executor).
 */
final class GenericKeyTable implements GroupKeyTable {
    private static final long serialVersionUID = 1L;

    private final List<DataType> types;
    private final HashSlots slots = new HashSlots(1 << 12);
    private Object[][] groupKeys = new Object[1024][];
    private int numGroups;
    private long keyBytes;

    GenericKeyTable(List<DataType> types) {
        this.types = List.copyOf(types);
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int n, int[] groupIds) {
        int[] h = hashes(keys, n);
        for (int r = 0; r < n; r++) {
            groupIds[r] = find(keys, r, h[r]);
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int n, int[] groupIds) {
        int[] h = hashes(keys, n);
        for (int r = 0; r < n; r++) {
            groupIds[r] = anyNull(keys, r) ? -1 : probe(keys, r, h[r]);
        }
    }

    /** The rows' hashes, in a fresh array: a built table may be probed by several threads at once. */
    private static int[] hashes(ColumnVector[] keys, int n) {
        int[] hashes = new int[n];
        RowHasher.hash(keys, n, hashes);
        return hashes;
    }

    private static boolean anyNull(ColumnVector[] keys, int r) {
        for (ColumnVector k : keys) {
            if (k.isNull(r)) {
                return true;
            }
        }
        return false;
    }

    private int probe(ColumnVector[] keys, int r, int h) {
        int slot = h & slots.mask;
        while (true) {
            int g = slots.groups[slot];
            if (g < 0 || (slots.hashes[slot] == h && rowEquals(groupKeys[g], keys, r))) {
                return g;
            }
            slot = (slot + 1) & slots.mask;
        }
    }

    private int find(ColumnVector[] keys, int r, int h) {
        int slot = h & slots.mask;
        while (true) {
            int g = slots.groups[slot];
            if (g < 0) {
                g = newGroup(keys, r);
                slots.fill(slot, g, h, numGroups);
                return g;
            }
            if (slots.hashes[slot] == h && rowEquals(groupKeys[g], keys, r)) {
                return g;
            }
            slot = (slot + 1) & slots.mask;
        }
    }

    private static boolean rowEquals(Object[] stored, ColumnVector[] keys, int r) {
        for (int c = 0; c < stored.length; c++) {
            ColumnVector v = keys[c];
            Object s = stored[c];
            if (v.isNull(r)) {
                if (s != null) {
                    return false;
                }
            } else if (s == null || !valueEquals(s, v, r)) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(Object s, ColumnVector v, int r) {
        if (v instanceof StringVector sv) {
            return s.equals(sv.values[r]);
        }
        if (v instanceof LongVector lv) {
            return (Long) s == lv.values[r];
        }
        if (v instanceof DoubleVector dv) {
            return KeyComparator.compareDouble((Double) s, dv.values[r]) == 0;
        }
        Object o = v.get(r);
        if (s instanceof Map<?, ?>) {
            return Objects.equals(s, o);
        }
        return KeyComparator.compareObjects(s, o) == 0;
    }

    private int newGroup(ColumnVector[] keys, int r) {
        if (numGroups == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, numGroups * 2);
        }
        Object[] row = new Object[keys.length];
        long bytes = 16 + 8L * keys.length;
        for (int c = 0; c < keys.length; c++) {
            row[c] = keys[c].get(r);
            bytes += row[c] instanceof String s ? 40 + 2L * s.length() : 24;
        }
        keyBytes += bytes;
        groupKeys[numGroups] = row;
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
            out[c] = ColumnVectors.allocate(types.get(c), to - from);
            for (int g = from; g < to; g++) {
                ColumnVectors.set(out[c], g - from, groupKeys[g][c]);
            }
        }
        return out;
    }

    @Override
    public long sizeInBytes() {
        return slots.sizeInBytes() + 8L * groupKeys.length + keyBytes;
    }
}
