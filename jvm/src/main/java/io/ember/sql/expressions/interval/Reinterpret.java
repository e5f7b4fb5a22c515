package io.ember.sql.expressions.interval;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnaryExpression;
import io.ember.sql.expressions.Vectors;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.IntVector;
import io.ember.sql.vector.LongVector;
import java.util.List;

/**
 * The same values under another type of the same representation (an {@code interval day to
 * second} as the bigint of its microseconds, and back), so interval aggregates reuse the
 * numeric ones: {@code sum(i)} is {@code sum(i as bigint)} typed back as the interval. It
 * prints as its child, or as {@code name} when one is given.
 */
public final class Reinterpret extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final DataType to;
    private final String name;

    public Reinterpret(Expression child, DataType to, String name) {
        super(child);
        this.to = to;
        this.name = name;
    }

    @Override
    public DataType dataType() {
        return to;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        if (DataTypes.isLongBacked(to)) {
            LongVector v = Vectors.longs(c);
            return new LongVector(to, v.values, Vectors.nulls(c));
        }
        IntVector v = Vectors.ints(c);
        return new IntVector(to, v.values, Vectors.nulls(c));
    }

    @Override
    public String sql() {
        return name == null ? child.sql() : name;
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new Reinterpret(c, to, name);
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(to, name == null ? "" : name);
    }
}
