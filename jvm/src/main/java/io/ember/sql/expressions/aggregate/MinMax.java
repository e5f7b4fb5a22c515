package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.SqlOrdering;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.Comparator;
import java.util.List;

/** {@code min(e)} or {@code max(e)} of any ordered type; null for a group with no value. */
public final class MinMax extends AggregateFunction implements ExpectsInputTypes {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean max;

    public MinMax(Expression child, boolean max) {
        this.child = child;
        this.max = max;
    }

    public boolean isMax() {
        return max;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.ORDERABLE);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
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
        return List.of(dataType());
    }

    @Override
    public AggregateState newState() {
        DataType t = dataType();
        if (DataTypes.isIntBacked(t) || DataTypes.isLongBacked(t)) {
            return new LongMinMaxState(t, max);
        }
        if (t.equals(DataTypes.DoubleType)) {
            return new DoubleMinMaxState(max);
        }
        Comparator<Object> c = SqlOrdering.forType(t.equals(DataTypes.NullType) ? DataTypes.IntegerType : t);
        boolean m = max;
        return new ObjectFoldState(t, (ObjectFoldState.Fold) (a, b) -> (c.compare(b, a) > 0) == m && c.compare(a, b) != 0 ? b : a);
    }

    @Override
    public String sql() {
        return (max ? "max(" : "min(") + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new MinMax(c.get(0), max);
    }

    @Override
    protected List<Object> args() {
        return List.of(max);
    }
}
