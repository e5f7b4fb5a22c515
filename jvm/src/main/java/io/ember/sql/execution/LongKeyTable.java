package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/**
 * The fast path for one int- or long-backed grouping key: open addressing over primitive
 * arrays (linear probing, load at most 1/2), no boxing per row. Owned by one task.
 */
final class LongKeyTable implements GroupKeyTable {
    private static final long serialVersionUID = 1L;

    private final DataType type;
    private long[] slotKeys;
    private int[] slotGroups;
    private int mask;
    private long[] groupKeys = new long[1024];
    private int numGroups;
    private int nullGroup = -1;

    LongKeyTable(DataType type) {
        this.type = type;
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        slotKeys = new long[capacity];
        slotGroups = new int[capacity];
        Arrays.fill(slotGroups, -1);
        mask = capacity - 1;
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int n, int[] groupIds) {
        ColumnVector v = keys[0];
        if (v instanceof LongVector l) {
            for (int i = 0; i < n; i++) {
                groupIds[i] = l.nulls != null && l.nulls[i] ? nullGroup() : find(l.values[i]);
            }
        } else if (v instanceof IntVector l) {
            for (int i = 0; i < n; i++) {
                groupIds[i] = l.nulls != null && l.nulls[i] ? nullGroup() : find(l.values[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                groupIds[i] = v.isNull(i) ? nullGroup() : find(((Number) v.get(i)).longValue());
            }
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int n, int[] groupIds) {
        ColumnVector v = keys[0];
        if (v instanceof LongVector l) {
            for (int i = 0; i < n; i++) {
                groupIds[i] = l.nulls != null && l.nulls[i] ? -1 : probe(l.values[i]);
            }
        } else if (v instanceof IntVector l) {
            for (int i = 0; i < n; i++) {
                groupIds[i] = l.nulls != null && l.nulls[i] ? -1 : probe(l.values[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                groupIds[i] = v.isNull(i) ? -1 : probe(((Number) v.get(i)).longValue());
            }
        }
    }

    private int probe(long key) {
        int slot = (int) mix(key) & mask;
        while (true) {
            int g = slotGroups[slot];
            if (g < 0 || slotKeys[slot] == key) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    private int find(long key) {
        int slot = (int) mix(key) & mask;
        while (true) {
            int g = slotGroups[slot];
            if (g < 0) {
                g = newGroup(key);
                slotKeys[slot] = key;
                slotGroups[slot] = g;
                if (numGroups * 2 > slotGroups.length) {
                    grow();
                }
                return g;
            }
            if (slotKeys[slot] == key) {
                return g;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static long mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private int newGroup(long key) {
        if (numGroups == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, numGroups * 2);
        }
        groupKeys[numGroups] = key;
        return numGroups++;
    }

    private void grow() {
        long[] oldKeys = slotKeys;
        int[] oldGroups = slotGroups;
        allocate(oldGroups.length * 2);
        for (int s = 0; s < oldGroups.length; s++) {
            int g = oldGroups[s];
            if (g >= 0) {
                int slot = (int) mix(oldKeys[s]) & mask;
                while (slotGroups[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slotKeys[slot] = oldKeys[s];
                slotGroups[slot] = g;
            }
        }
    }

    @Override
    public int numGroups() {
        return numGroups;
    }

    @Override
    public ColumnVector[] keys(int from, int to) {
        int n = to - from;
        boolean[] nulls = null;
        if (nullGroup >= from && nullGroup < to) {
            nulls = new boolean[n];
            nulls[nullGroup - from] = true;
        }
        if (DataTypes.isIntBacked(type)) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = (int) groupKeys[from + i];
            }
            return new ColumnVector[] {new IntVector(type, out, nulls)};
        }
        return new ColumnVector[] {new LongVector(type, Arrays.copyOfRange(groupKeys, from, to), nulls)};
    }

    @Override
    public long sizeInBytes() {
        return 12L * slotGroups.length + 8L * groupKeys.length;
    }
}
