package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateState;

/**
 * Base of the array-backed states: per-group slots in primitive arrays that grow (doubling) as
 * larger group ids arrive. Not thread-safe: one task owns a state.
 */
abstract class GroupedState implements AggregateState {
    protected int capacity;

    /** Grows the arrays to hold group {@code n-1}. */
    protected abstract void resize(int newCapacity);

    /** Makes room for every group id in {@code groupIds[0..numRows)}. */
    protected final void ensure(int[] groupIds, int numRows) {
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
