package io.ember.sql.expressions.subquery;

import io.ember.sql.expressions.Expression;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import java.util.List;

/**
 * {@code (a, b) IN (SELECT x, y ...)} with SQL's three-valued logic: null when no row matches
 * but a compared value or a row of the query is null. The values are child expressions; the
 * query is the plan.
 */
public final class InSubquery extends SubqueryExpression {
    private static final long serialVersionUID = 1L;

    private final List<Expression> values;

    public InSubquery(List<Expression> values, LogicalPlan plan) {
        super(plan);
        this.values = List.copyOf(values);
    }

    public List<Expression> values() {
        return values;
    }

    @Override
    public InSubquery withPlan(LogicalPlan newPlan) {
        return new InSubquery(values, newPlan);
    }

    @Override
    public DataType dataType() {
        return DataTypes.BooleanType;
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public String sql() {
        StringBuilder b = new StringBuilder(values.size() == 1 ? "(" : "((");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(values.get(i).sql());
        }
        return b.append(values.size() == 1 ? "" : ")").append(" IN (listquery(").append(outerNames()).append(")))").toString();
    }

    @Override
    public List<Expression> children() {
        return values;
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new InSubquery(newChildren, plan());
    }
}
