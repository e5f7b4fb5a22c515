package io.ember.sql.execution;

import io.ember.sql.vector.ColumnVector;

/**
 * The general {@link JoinKeyIndex} (composite and non-integral keys): a {@link GroupKeyTable}
 * numbers the distinct build keys and {@code head} holds each key group's first build row.
 * Immutable once built.
 */
final class GroupedJoinIndex implements JoinKeyIndex {
    private static final long serialVersionUID = 1L;

    private final GroupKeyTable table;
    private final int[] head;

    GroupedJoinIndex(GroupKeyTable table, int[] head) {
        this.table = table;
        this.head = head;
    }

    @Override
    public void firstRows(ColumnVector[] keys, int n, int[] first) {
        table.lookup(keys, n, first);
        for (int i = 0; i < n; i++) {
            int g = first[i];
            first[i] = g < 0 ? -1 : head[g];
        }
    }

    @Override
    public long sizeInBytes() {
        return table.sizeInBytes() + 4L * head.length;
    }
}
