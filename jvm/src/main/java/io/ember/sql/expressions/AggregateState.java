package io.ember.sql.expressions;

import io.ember.sql.vector.ColumnVector;

/**
 * The running values of one aggregate function for many groups, numbered 0, 1, 2, ...
 * Not thread-safe: one task owns it.
 */
public interface AggregateState {
    /** Folds rows {@code 0..numRows-1}: row r belongs to group {@code groupIds[r]}; inputs are the function's evaluated children. */
    void update(int[] groupIds, int numRows, ColumnVector[] inputs);

    /** Folds partial states (columns of {@code stateTypes()}) into groups, row r into {@code groupIds[r]}. */
    void merge(int[] groupIds, int numRows, ColumnVector[] partials);

    /**
     * {@link #update} for a caller that knows every id in {@code groupIds[0..numRows)} is below
     * {@code numGroups} (a hash aggregate's key table does), so the state need not scan the ids
     * to size itself.
     */
    default void update(int[] groupIds, int numRows, int numGroups, ColumnVector[] inputs) {
        update(groupIds, numRows, inputs);
    }

    /** {@link #merge} with the ids' bound known, as {@link #update(int[], int, int, ColumnVector[])}. */
    default void merge(int[] groupIds, int numRows, int numGroups, ColumnVector[] partials) {
        merge(groupIds, numRows, partials);
    }

    /** The states of groups {@code 0..numGroups-1} as columns of {@code stateTypes()}. */
    ColumnVector[] partials(int numGroups);

    /** The final values of groups {@code 0..numGroups-1}. */
    ColumnVector result(int numGroups);

    /** Bytes held, estimated, for memory accounting. */
    long sizeInBytes();
}
