package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.Arrays;

/**
 * The fast path for one int- or long-backed grouping key: open addressing (linear probing,
 * load at most 1/2) over one {@code long[]} of interleaved (key, group + 1) pairs, so a key and
 * its group share a cache line and a probe costs one memory access; no boxing per row. Owned
 * by one task.
 */
final class LongKeyTable implements GroupKeyTable {
    private static final long serialVersionUID = 1L;

    private final DataType type;
    /** Key at {@code 2s}, group + 1 at {@code 2s + 1} (0: empty slot). */
    private long[] slots;
    private int mask;
    private long[] groupKeys = new long[1024];
    private int numGroups;
    private int nullGroup = -1;

    LongKeyTable(DataType type) {
        this.type = type;
        slots = new long[2 << 12];
        mask = (1 << 12) - 1;
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
        int s = (int) mix(key) & mask;
        while (true) {
            long g = slots[2 * s + 1];
            if (g == 0 || slots[2 * s] == key) {
                return (int) g - 1;
            }
            s = (s + 1) & mask;
        }
    }

    private int nullGroup() {
        if (nullGroup < 0) {
            nullGroup = newGroup(0);
        }
        return nullGroup;
    }

    private int find(long key) {
        int s = (int) mix(key) & mask;
        while (true) {
            long g = slots[2 * s + 1];
            if (g == 0) {
                int group = newGroup(key);
                slots[2 * s] = key;
                slots[2 * s + 1] = group + 1;
                if (numGroups * 2 > mask + 1) {
                    grow();
                }
                return group;
            }
            if (slots[2 * s] == key) {
                return (int) g - 1;
            }
            s = (s + 1) & mask;
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
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int s = (int) mix(old[i]) & mask;
                while (slots[2 * s + 1] != 0) {
                    s = (s + 1) & mask;
                }
                slots[2 * s] = old[i];
                slots[2 * s + 1] = old[i + 1];
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
        return 8L * slots.length + 8L * groupKeys.length;
    }
}
