package io.ember.sql.expressions.subquery;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DataType;

/** {@code EXISTS (query)}: true when the query yields a row; never null. */
public final class Exists extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    public Exists(LogicalPlan plan) {
        super(plan);
    }

    @Override
    public Exists withPlan(LogicalPlan newPlan) {
        return new Exists(newPlan);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return false;
    }

    @Override
    public String sql() {
        return "exists(" + outerNames() + ")";
    }
}
