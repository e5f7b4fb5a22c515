package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateState;
import io.ember.sql.vector.ColumnVector;

/**
 * Base of the array-backed states: per-group slots in primitive arrays that grow (doubling) as
 * larger group ids arrive. Not thread-safe: one task owns a state.
 */
abstract class GroupedState implements AggregateState {
    protected int capacity;
    /** True inside a call whose caller gave the ids' bound: the arrays already hold every id. */
    private boolean sized;

    /** Grows the arrays to hold group {@code n-1}. */
    protected abstract void resize(int newCapacity);

    @Override
    public final void update(int[] groupIds, int numRows, int numGroups, ColumnVector[] inputs) {
        ensure(numGroups);
        sized = true;
        try {
            update(groupIds, numRows, inputs);
        } finally {
            sized = false;
        }
    }

    @Override
    public final void merge(int[] groupIds, int numRows, int numGroups, ColumnVector[] partials) {
        ensure(numGroups);
        sized = true;
        try {
            merge(groupIds, numRows, partials);
        } finally {
            sized = false;
        }
    }

    /** Makes room for every group id in {@code groupIds[0..numRows)}. */
    protected final void ensure(int[] groupIds, int numRows) {
        if (sized) {
            return;
        }
        int max = -1;
        for (int i = 0; i < numRows; i++) {
            if (groupIds[i] > max) max = groupIds[i];
        }
        ensure(max + 1);
    }

    protected final void ensure(int groups) {
        if (groups > capacity) {
            int c = Math.max(groups, Math.max(16, capacity * 2));
            resize(c);
            capacity = c;
        }
    }
}
