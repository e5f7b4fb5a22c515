package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code sum(i)} of an ANSI interval ({@code interval year to month} as int months, {@code day to
 * second} as bigint microseconds), typed as its input. Unlike a bigint sum it never wraps: a sum
 * out of the type's range fails with Spark's {@code INTERVAL_ARITHMETIC_OVERFLOW.WITH_SUGGESTION},
 * in every mode, as Spark's. Made by the analyzer's interval coercion, not by users.
 */
public final class IntervalSum extends AggregateFunction {
    private static final long serialVersionUID = 1L;

    private final Expression child;

    public IntervalSum(Expression child) {
        this.child = child;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        return List.of(DataTypes.LongType);
    }

    @Override
    public AggregateState newState() {
        return LongSumState.interval(dataType());
    }

    @Override
    public String sql() {
        return "sum(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new IntervalSum(c.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
