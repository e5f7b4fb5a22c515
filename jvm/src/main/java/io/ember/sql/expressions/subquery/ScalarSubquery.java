package io.ember.sql.expressions.subquery;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;

/** A query in a value's place that yields one column and at most one row; null when it yields none. */
public final class ScalarSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    public ScalarSubquery(LogicalPlan plan) {
        super(plan);
    }

    @Override
    public ScalarSubquery withPlan(LogicalPlan newPlan) {
        return new ScalarSubquery(newPlan);
    }

    @Override
    public DataType dataType() {
        return plan().output().get(0).dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String sql() {
        return "scalarsubquery(" + outerNames() + ")";
    }
}
