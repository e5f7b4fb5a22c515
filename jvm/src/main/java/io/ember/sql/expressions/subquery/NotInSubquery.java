package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code NOT ((a, b) IN (SELECT x, y ...))} where it is a value rather than a filter's conjunct
 * (a select list, under OR, in an aggregate): false when some row of the query equals the values
 * or might (a comparison is unknown: {@code (a = x AND b = y) OR isnull(a = x AND b = y)}), else
 * true; never null, as Spark's null-aware existence join gives. Only the optimizer builds it
 * (from {@code NOT} over an {@link InSubquery}), just before joining it.
 */
public final class NotInSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    private final List<Expression> values;

    public NotInSubquery(List<Expression> values, LogicalPlan plan) {
        super(plan);
        this.values = List.copyOf(values);
    }

    public List<Expression> values() {
        return values;
    }

    @Override
    public NotInSubquery withPlan(LogicalPlan newPlan) {
        return new NotInSubquery(values, newPlan);
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
        return "(NOT " + new InSubquery(values, plan()).sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return values;
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new NotInSubquery(newChildren, plan());
    }
}
