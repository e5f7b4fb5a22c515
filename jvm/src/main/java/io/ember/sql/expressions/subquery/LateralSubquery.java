package io.ember.sql.expressions.subquery;

import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;

/**
 * The right side of a lateral join ({@code df.lateralJoin(other)}): a query that may read the
 * left side's columns (as outer references). It is not a value; {@code LateralJoin} holds it so
 * the analyzer resolves it with the left side as its outer scope, and the analyzer then rewrites
 * the lateral join into a plain join.
 */
public final class LateralSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    public LateralSubquery(LogicalPlan plan) {
        super(plan);
    }

    @Override
    public LateralSubquery withPlan(LogicalPlan newPlan) {
        return new LateralSubquery(newPlan);
    }

    @Override
    public DataType dataType() {
        return DataTypes.NullType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String sql() {
        return "lateralsubquery(" + outerNames() + ")";
    }
}
