package io.ember.sql.expressions;

import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;

/** An expression that only exists during planning (unresolved names, sort orders). */
public abstract class Unevaluable extends Expression {
    private static final long serialVersionUID = 1L;

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        throw new UnsupportedOperationException("cannot evaluate " + nodeName() + ": " + sql());
    }
}
