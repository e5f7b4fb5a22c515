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

    /** The states of groups {@code 0..numGroups-1} as columns of {@code stateTypes()}. */
    ColumnVector[] partials(int numGroups);

    /** The final values of groups {@code 0..numGroups-1}. */
    ColumnVector result(int numGroups);

    /** Bytes held, estimated, for memory accounting. */
    long sizeInBytes();
}
