package io.ember.sql.expressions.lambda;

import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Unevaluable;
import java.util.List;

/**
 * Base of a lambda variable, unresolved or resolved: a named leaf that is never evaluated itself.
 * {@code anonymous} variables (those the Python client makes for a Python lambda, named
 * {@code x_0}, {@code y_1}, ...) print as {@code namedlambdavariable()}, as PySpark's do; SQL
 * text's print their name. Immutable.
 */
abstract class LambdaVariable extends Unevaluable {
    private static final long serialVersionUID = 1L;

    protected final String name;
    protected final boolean anonymous;

    LambdaVariable(String name, boolean anonymous) {
        this.name = name;
        this.anonymous = anonymous;
    }

    public String name() {
        return name;
    }

    public boolean anonymous() {
        return anonymous;
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
}
