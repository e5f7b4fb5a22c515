package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/**
 * An aggregate ({@code sum}, {@code count}, {@code collect_list}): folds the values of its
 * children over the rows of each group. The aggregate operator evaluates the children over a
 * batch and hands the vectors to an {@link AggregateState}; the state's partial form (columns
 * of {@link #stateTypes()}) crosses the shuffle between the partial and the final aggregate,
 * and is also what a spilling aggregate writes to disk.
 */
public abstract class AggregateFunction extends Expression {
    private static final long serialVersionUID = 1L;

    /** The types of the partial state columns, in order. */
    public abstract List<DataType> stateTypes();

    /** An empty state for groups numbered from 0, growing as larger group ids arrive. */
    public abstract AggregateState newState();

    /**
     * An empty state for a grouped aggregate ({@code grouped}: the operator has keys) or one
     * without keys; the same state unless a function's errors depend on it, as Spark's decimal
     * {@code sum} under ANSI does (its hash-aggregate buffers drop an overflowed sum, its
     * keyless ones keep it exact).
     */
    public AggregateState newState(boolean grouped) {
        return newState();
    }

    @Override
    public final ColumnVector eval(ColumnBatch batch) {
        throw new UnsupportedOperationException(sql() + " is an aggregate; only an aggregate operator evaluates it");
    }
}
