package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Unevaluable;
import io.ember.sql.types.DataType;
import java.util.List;

/**
 * A lambda parameter or a use of it before the analyzer knows its type: {@code x} in
 * {@code x -> x + 1}. {@code anonymous} variables (those the Python client makes for a Python
 * lambda, named {@code x_0}, {@code y_1}, ...) print as {@code namedlambdavariable()}, as
 * PySpark's do; SQL text's print their name.
 */
public final class UnresolvedNamedLambdaVariable extends Unevaluable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final boolean anonymous;

    public UnresolvedNamedLambdaVariable(String name, boolean anonymous) {
        this.name = name;
        this.anonymous = anonymous;
    }

    /** A variable named in SQL text. */
    public UnresolvedNamedLambdaVariable(String name) {
        this(name, false);
    }

    public String name() {
        return name;
    }

    public boolean anonymous() {
        return anonymous;
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
    public boolean resolved() {
        return false;
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
        return List.of(name, anonymous);
    }
}
