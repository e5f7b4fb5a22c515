package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Redistributes {@code child}'s rows into {@code numPartitions} partitions: by hash of
 * {@code partitionExprs} (or round robin when there are none), by ranges of them when
 * {@code byRange}, or, without {@code shuffle}, by merging partitions ({@code coalesce}).
 * {@code numPartitions} 0 means the session's {@code spark.sql.shuffle.partitions}.
 */
public final class Repartition extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final int numPartitions;
    private final List<Expression> partitionExprs;
    private final boolean shuffle;
    private final boolean byRange;
    private final LogicalPlan child;

    public Repartition(int numPartitions, List<? extends Expression> partitionExprs, boolean shuffle, boolean byRange,
                       LogicalPlan child) {
        this.numPartitions = numPartitions;
        this.partitionExprs = List.copyOf(partitionExprs);
        this.shuffle = shuffle;
        this.byRange = byRange;
        this.child = child;
    }

    public int numPartitions() { return numPartitions; }
    public List<Expression> partitionExprs() { return partitionExprs; }
    public boolean shuffle() { return shuffle; }
    public boolean byRange() { return byRange; }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Repartition(numPartitions, partitionExprs, shuffle, byRange, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output();
    }

    @Override
    public List<Expression> expressions() {
        return partitionExprs;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> mapped = mapAll(partitionExprs, f);
        return mapped == null ? this : new Repartition(numPartitions, mapped, shuffle, byRange, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(numPartitions, partitionExprs, shuffle, byRange);
    }
}
