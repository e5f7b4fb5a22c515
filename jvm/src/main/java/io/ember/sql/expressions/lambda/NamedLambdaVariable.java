package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.ExprId;
import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * A resolved lambda variable: the element (or index, accumulator, key, value) a higher-order
 * function binds, identified by its {@link ExprId}. It is never evaluated itself: before a
 * lambda's body runs, {@link LambdaFunction} points each variable at a column of the batch of
 * elements it builds.
 */
public final class NamedLambdaVariable extends LambdaVariable {
    private static final long serialVersionUID = 1L;

    private final DataType dataType;
    private final boolean nullable;
    private final ExprId exprId;

    public NamedLambdaVariable(String name, DataType dataType, boolean nullable, ExprId exprId, boolean anonymous) {
        super(name, anonymous);
        this.dataType = dataType;
        this.nullable = nullable;
        this.exprId = exprId;
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
    protected List<Object> args() {
        return List.of(name, dataType, nullable, exprId, anonymous);
    }
}
