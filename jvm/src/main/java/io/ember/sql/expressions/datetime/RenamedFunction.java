package io.ember.sql.expressions.datetime;

import io.ember.sql.expressions.ExpectsInputTypes;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.FunctionCalls;
import io.ember.sql.expressions.ImplicitCastInputTypes;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.TimeZoneAwareExpression;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.Iterator;
import java.util.List;

/**
 * A function called by one of its other names ({@code date_diff} for {@code datediff},
 * {@code try_to_timestamp} for {@code to_timestamp}, ...): evaluates, types and coerces as the
 * wrapped call and names the column after the name used, as Spark does.
 */
public final class RenamedFunction extends Expression implements ImplicitCastInputTypes, TimeZoneAwareExpression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Expression inner;

    public RenamedFunction(String name, Expression inner) {
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
    public boolean foldable() {
        return inner.foldable();
    }

    @Override
    public boolean deterministic() {
        return inner.deterministic();
    }

    @Override
    public List<InputType> inputTypes() {
        return inner instanceof ExpectsInputTypes e ? e.inputTypes() : List.of();
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        return inner.checkInputDataTypes();
    }

    @Override
    public String timeZoneId() {
        return inner instanceof TimeZoneAwareExpression t ? t.timeZoneId() : "UTC";
    }

    @Override
    public Expression withTimeZone(String id) {
        return inner instanceof TimeZoneAwareExpression t ? new RenamedFunction(name, t.withTimeZone(id)) : this;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        return inner.eval(batch);
    }

    @Override
    public String sql() {
        String s = inner.sql();
        int paren = s.indexOf('(');
        return paren < 0 ? FunctionCalls.sql(name, children()) : name + s.substring(paren);
    }

    @Override
    public List<Expression> children() {
        return inner.children();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        Iterator<Expression> it = c.iterator();
        return new RenamedFunction(name, inner.mapChildren(x -> it.next()));
    }

    @Override
    protected List<Object> args() {
        return List.of(name, inner);
    }
}
