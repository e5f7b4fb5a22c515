package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * A lambda parameter or a use of it before the analyzer knows its type: {@code x} in
 * {@code x -> x + 1}.
 */
public final class UnresolvedNamedLambdaVariable extends LambdaVariable {
    private static final long serialVersionUID = 1L;

    public UnresolvedNamedLambdaVariable(String name, boolean anonymous) {
        super(name, anonymous);
    }

    /** A variable named in SQL text. */
    public UnresolvedNamedLambdaVariable(String name) {
        this(name, false);
    }

    @Override
    public DataType dataType() {
        throw new IllegalStateException("unresolved lambda variable " + name);
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    protected boolean computeResolved() {
        return false;
    }

    @Override
    protected List<Object> args() {
        return List.of(name, anonymous);
    }
}
