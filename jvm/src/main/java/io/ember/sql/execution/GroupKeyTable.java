package io.ember.sql.execution;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * Numbers the distinct grouping keys of a hash aggregate: 0, 1, 2, ... in order of first
 * arrival; null keys form a group of their own, as in SQL's GROUP BY. Owned by one task.
 */
interface GroupKeyTable extends java.io.Serializable {
    /** Fills {@code groupIds[0..n-1]} with the group of each row's key, adding new groups. */
    void findOrInsert(ColumnVector[] keys, int n, int[] groupIds);

    /** Fills {@code groupIds[0..n-1]} with each row's group, or -1 for a key not in the table or with a null. */
    void lookup(ColumnVector[] keys, int n, int[] groupIds);

    int numGroups();

    /** The keys of groups {@code [from, to)}, one vector per key column. */
    ColumnVector[] keys(int from, int to);

    /** Bytes held, estimated. */
    long sizeInBytes();

    /**
     * The part of {@link #sizeInBytes} in arrays that are copied when they grow (so live
     * twice for a moment); the rest (the string objects of keys) is never copied.
     */
    default long growableBytes() {
        return sizeInBytes();
    }

    /**
     * The table for these key types: a primitive table for one int- or long-backed key, a
     * columnar one for int-, long-, decimal- (up to 18 digits) and string-backed keys, else the generic boxed one.
     */
    static GroupKeyTable create(List<DataType> keyTypes) {
        if (keyTypes.isEmpty()) {
            return new NoKeyTable();
        }
        if (keyTypes.size() == 1 && (DataTypes.isLongBacked(keyTypes.get(0)) || DataTypes.isIntBacked(keyTypes.get(0)))) {
            return new LongKeyTable(keyTypes.get(0));
        }
        if (ColumnarKeyTable.supports(keyTypes)) {
            return new ColumnarKeyTable(keyTypes);
        }
        return new GenericKeyTable(keyTypes);
    }

    /** A global aggregate: every row in group 0, which exists even without input. */
    final class NoKeyTable implements GroupKeyTable {
        @Override
        public void findOrInsert(ColumnVector[] keys, int n, int[] groupIds) {
            java.util.Arrays.fill(groupIds, 0, n, 0);
        }

        @Override
        public void lookup(ColumnVector[] keys, int n, int[] groupIds) {
            java.util.Arrays.fill(groupIds, 0, n, 0);
        }

        @Override
        public int numGroups() {
            return 1;
        }

        @Override
        public ColumnVector[] keys(int from, int to) {
            return new ColumnVector[0];
        }

        @Override
        public long sizeInBytes() {
            return 0;
        }
    }
}
