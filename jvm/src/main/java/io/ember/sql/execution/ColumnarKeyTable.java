package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.DecimalVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import io.ember.sql.vector.StringVector;
import java.util.Arrays;
import java.util.List;

/**
 * Grouping by several int-, long-, decimal- or string-backed keys without boxing: every key
 * is held as a long (a string as its id in the column's {@link StringCodes}, so rows never
 * build, hash or compare strings; a dictionary-encoded column maps each dictionary entry
 * once), in growable arrays with a null mask; rows are unpacked and hashed a batch at a time
 * ({@link KeyRows}), probed in an open-addressing table and compared as longs; keys are
 * emitted by array copy.
 *
 * <p>Threading: inserting is for one owner; once built, {@link #lookup} may run on several
 * threads at once (a broadcast join's table is shared by an executor's tasks).
 */
final class ColumnarKeyTable implements GroupKeyTable {
    private static final long serialVersionUID = 1L;

    private final List<DataType> types;
    /** Per column: the string ids of a string column, null for others. */
    private final StringCodes[] stringIds;
    private final long[][] longs;
    private final boolean[][] nulls;
    private final HashSlots slots = new HashSlots(1 << 12);
    private int numGroups;
    /** The owner's unpacking buffers, reused across {@link #findOrInsert} calls. */
    private transient KeyRows ownerRows;

    /** True if every key is int-backed, long-backed, a decimal of at most 18 digits or a string. */
    static boolean supports(List<DataType> types) {
        return KeyRows.supports(types);
    }

    ColumnarKeyTable(List<DataType> types) {
        this.types = List.copyOf(types);
        int k = types.size();
        stringIds = new StringCodes[k];
        longs = new long[k][];
        nulls = new boolean[k][];
        for (int c = 0; c < k; c++) {
            if (types.get(c).equals(DataTypes.StringType)) {
                stringIds[c] = new StringCodes(64);
            }
            longs[c] = new long[1024];
            nulls[c] = new boolean[1024];
        }
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int n, int[] groupIds) {
        if (ownerRows == null) {
            ownerRows = new KeyRows(types.size());
        }
        KeyRows b = ownerRows;
        b.unpack(keys, n, types, stringIds, true);
        for (int r = 0; r < n; r++) {
            // a row repeating the previous row's key (input clustered by it) needs no hash or probe
            groupIds[r] = r > 0 && b.sameAsPrevious(r) ? groupIds[r - 1] : find(r, b.hashRow(r), b);
        }
    }

    @Override
    public void lookup(ColumnVector[] keys, int n, int[] groupIds) {
        KeyRows b = new KeyRows(types.size());
        b.load(keys, n, types, stringIds, false);
        int[] h = b.hashes;
        for (int r = 0; r < n; r++) {
            groupIds[r] = anyNull(r, b) ? -1 : probe(r, h[r], b);
        }
    }

    private boolean anyNull(int r, KeyRows b) {
        if (b.absent != null && b.absent[r]) {
            return true;
        }
        for (int c = 0; c < longs.length; c++) {
            if (b.isNull(c, r)) {
                return true;
            }
        }
        return false;
    }

    private boolean rowEquals(int g, int r, KeyRows b) {
        for (int c = 0; c < longs.length; c++) {
            boolean[] rowNulls = b.nulls[c];
            if (rowNulls == null) {
                if (longs[c][g] != b.values[c][r] || nulls[c][g]) {
                    return false;
                }
            } else {
                boolean rowNull = rowNulls[r];
                if (rowNull != nulls[c][g] || (!rowNull && longs[c][g] != b.values[c][r])) {
                    return false;
                }
            }
        }
        return true;
    }

    private int probe(int r, int h, KeyRows b) {
        int slot = h & slots.mask;
        while (true) {
            int g = slots.groups[slot];
            if (g < 0 || (slots.hashes[slot] == h && rowEquals(g, r, b))) {
                return g;
            }
            slot = (slot + 1) & slots.mask;
        }
    }

    private int find(int r, int h, KeyRows b) {
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

    private int newGroup(int r, KeyRows b) {
        int g = numGroups;
        for (int c = 0; c < longs.length; c++) {
            if (g == longs[c].length) {
                longs[c] = Arrays.copyOf(longs[c], g * 2);
                nulls[c] = Arrays.copyOf(nulls[c], g * 2);
            }
            boolean isNull = b.isNull(c, r);
            nulls[c][g] = isNull;
            longs[c][g] = isNull ? 0 : b.values[c][r];
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
            if (stringIds[c] != null) {
                String[] v = new String[to - from];
                for (int g = from; g < to; g++) {
                    v[g - from] = nulls[c][g] ? null : stringIds[c].value((int) longs[c][g]);
                }
                out[c] = new StringVector(t, v);
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
            } else if (t instanceof DecimalType d) {
                out[c] = new DecimalVector(d, Arrays.copyOfRange(longs[c], from, to), mask);
            } else {
                out[c] = new LongVector(t, Arrays.copyOfRange(longs[c], from, to), mask);
            }
        }
        return out;
    }

    private long stringBytes() {
        long s = 0;
        for (StringCodes ids : stringIds) {
            s += ids == null ? 0 : ids.stringBytes();
        }
        return s;
    }

    @Override
    public long growableBytes() {
        return sizeInBytes() - stringBytes();
    }

    @Override
    public long sizeInBytes() {
        long s = slots.sizeInBytes();
        for (int c = 0; c < longs.length; c++) {
            s += 9L * longs[c].length;
            if (stringIds[c] != null) {
                s += stringIds[c].arrayBytes() + stringIds[c].stringBytes();
            }
        }
        return s;
    }
}
