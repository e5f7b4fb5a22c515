package io.ember.sql.expressions;

import io.ember.sql.types.DataType;

/** An expression the analyzer has not resolved yet: it has no type and cannot be evaluated. */
public abstract class UnresolvedExpression extends Unevaluable {
    private static final long serialVersionUID = 1L;

    @Override
    public DataType dataType() {
        throw new IllegalStateException("dataType called on unresolved " + sql());
    }

    @Override
    public boolean nullable() {
        throw new IllegalStateException("nullable called on unresolved " + sql());
    }

    @Override
    protected boolean computeResolved() {
        return false;
    }
}
