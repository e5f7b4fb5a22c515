package io.ember.sql.expressions.aggregate;

import io.ember.sql.expressions.AggregateFunction;
import io.ember.sql.expressions.AggregateState;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import java.util.Iterator;
import java.util.List;

/**
 * An aggregate under another of its SQL names ({@code any_value} is {@code first},
 * {@code every} is {@code bool_and}, {@code try_avg} is {@code avg}, ...): computes as the
 * wrapped function and names the column as Spark does for the alias.
 */
public final class NamedAggregate extends AggregateFunction implements io.ember.sql.expressions.ImplicitCastInputTypes {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final AggregateFunction inner;

    public NamedAggregate(String name, AggregateFunction inner) {
        this.name = name;
        this.inner = inner;
    }

    @Override
    public DataType dataType() {
        return inner.dataType();
    }

    @Override
    public boolean nullable() {
        return inner.nullable();
    }

    @Override
    public List<io.ember.sql.expressions.InputType> inputTypes() {
        return inner instanceof io.ember.sql.expressions.ExpectsInputTypes e ? e.inputTypes() : List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return inner.checkInputDataTypes();
    }

    @Override
    public List<DataType> stateTypes() {
        return inner.stateTypes();
    }

    @Override
    public AggregateState newState() {
        return inner.newState();
    }

    @Override
    public String sql() {
        return FunctionCalls.sql(name, inner.children());
    }

    @Override
    public List<Expression> children() {
        return inner.children();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        Iterator<Expression> it = c.iterator();
        return new NamedAggregate(name, (AggregateFunction) inner.mapChildren(x -> it.next()));
    }

    @Override
    protected List<Object> args() {
        return List.of(name, inner);
    }
}
