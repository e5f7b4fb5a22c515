package io.ember.sql.execution;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import java.util.List;

/**
 * How an operator needs its input's rows placed across partitions. The planner compares each
 * child's {@link Partitioning} with what its parent requires and inserts an exchange where it
 * falls short.
 */
public sealed interface Distribution extends java.io.Serializable {
    /** Any placement will do. */
    record Unspecified() implements Distribution {}

    /** Every row in one partition (global aggregates, global limits). */
    record AllTuples() implements Distribution {}

    /** Rows with equal values of {@code clustering} in the same partition (aggregates). */
    record Clustered(List<Expression> clustering) implements Distribution {}

    /**
     * Rows hash-partitioned by exactly these keys, in this order, so that two children with
     * the same requirement and partition count are co-partitioned (equi-joins).
     */
    record HashClustered(List<Expression> keys) implements Distribution {}

    /** Rows range-partitioned by {@code ordering}: partition i holds keys before partition i+1's. */
    record Ordered(List<SortOrder> ordering) implements Distribution {}

    Distribution UNSPECIFIED = new Unspecified();
    Distribution ALL_TUPLES = new AllTuples();
}
