package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Decimals;
import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DecimalType;
import java.util.List;

/** {@code avg(e)}: double, or {@code decimal(p+4,s+4)} for a decimal input; null for a group with no value. */
public final class Average extends AggregateFunction implements ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final Expression child;

    public Average(Expression child) {
        this.child = child;
    }

    @Override
    public List<InputType> inputTypes() {
        return List.of(InputType.NUMERIC);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return ExpectsInputTypes.check(this, inputTypes());
    }

    @Override
    public DataType dataType() {
        if (child.dataType() instanceof DecimalType d) {
            return Decimals.clamp(d.precision() + 4, d.scale() + 4);
        }
        return DataTypes.DoubleType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public List<DataType> stateTypes() {
        DataType sum = child.dataType() instanceof DecimalType ? Sum.resultType(child.dataType()) : DataTypes.DoubleType;
        return List.of(sum, DataTypes.LongType);
    }

    @Override
    public AggregateState newState() {
        if (dataType() instanceof DecimalType d) {
            return new DecimalAverageState((DecimalType) stateTypes().get(0), d);
        }
        return new DoubleAverageState();
    }

    @Override
    public String sql() {
        return "avg(" + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Average(c.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
