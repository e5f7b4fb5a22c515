package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * A resolved lambda variable: the element (or index, accumulator, key, value) a higher-order
 * function binds, identified by its {@link ExprId}. It is never evaluated itself: before a
 * lambda's body runs, {@link LambdaFunction} points each variable at a column of the batch of
 * elements it builds.
 */
public final class NamedLambdaVariable extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType dataType;
    private final boolean nullable;
    private final ExprId exprId;
    private final boolean anonymous;

    public NamedLambdaVariable(String name, DataType dataType, boolean nullable, ExprId exprId, boolean anonymous) {
        this.name = name;
        this.dataType = dataType;
        this.nullable = nullable;
        this.exprId = exprId;
        this.anonymous = anonymous;
    }

    public String name() {
        return name;
    }

    public ExprId exprId() {
        return exprId;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public String sql() {
        return anonymous ? "namedlambdavariable()" : name;
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(name, dataType, nullable, exprId, anonymous);
    }
}
