package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The build side of a hash join: all its rows in one batch, an index from each join key to the
 * first row holding it ({@link LongJoinIndex} for one integral key, else {@link GroupedJoinIndex})
 * and per row the next one with the same key ({@code next}), in row order. Rows with a null
 * key are kept (outer joins emit them) but match nothing. Immutable once built; shared
 * read-only by the tasks of an executor when broadcast.
 */
final class HashedRelation implements Serializable {
    private static final long serialVersionUID = 1L;

    final ColumnBatch rows;
    private final JoinKeyIndex index;
    private final int[] next;

    private HashedRelation(ColumnBatch rows, JoinKeyIndex index, int[] next) {
        this.rows = rows;
        this.index = index;
        this.next = next;
    }

    static HashedRelation build(List<ColumnBatch> batches, List<DataType> types, Expression[] keys) {
        ColumnBatch all = batches.isEmpty() ? RangeSampler.toBatch(List.of(), types) : VectorOps.concat(batches, types);
        int n = all.numRows();
        ColumnVector[] keyCols = new ColumnVector[keys.length];
        List<DataType> keyTypes = new ArrayList<>();
        for (int k = 0; k < keys.length; k++) {
            keyCols[k] = keys[k].eval(all);
            keyTypes.add(keys[k].dataType());
        }
        int[] next = new int[n];
        if (LongJoinIndex.supports(keyTypes)) {
            return new HashedRelation(all, LongJoinIndex.build(keyCols[0], n, next), next);
        }
        GroupKeyTable table = GroupKeyTable.create(keyTypes);
        int[] ids = new int[n];
        table.findOrInsert(keyCols, n, ids);
        int[] head = new int[table.numGroups()];
        java.util.Arrays.fill(head, -1);
        for (int r = n - 1; r >= 0; r--) {
            if (hasNull(keyCols, r)) {
                next[r] = -1;
                continue;
            }
            next[r] = head[ids[r]];
            head[ids[r]] = r;
        }
        return new HashedRelation(all, new GroupedJoinIndex(table, head), next);
    }

    private static boolean hasNull(ColumnVector[] keys, int r) {
        for (ColumnVector k : keys) {
            if (k.isNull(r)) {
                return true;
            }
        }
        return false;
    }

    int numRows() {
        return rows.numRows();
    }

    /** The first build row matching each probe row's key (-1: none; a null key matches nothing). */
    void firstRows(ColumnVector[] keys, int n, int[] first) {
        index.firstRows(keys, n, first);
    }

    /** The build row after {@code row} with the same key, -1 at the end. */
    int next(int row) {
        return next[row];
    }

    long sizeInBytes() {
        return rows.sizeInBytes() + index.sizeInBytes() + 4L * next.length;
    }
}
