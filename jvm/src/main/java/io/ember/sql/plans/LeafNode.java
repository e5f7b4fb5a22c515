package io.ember.sql.plans;

import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** A plan without children (a scan, a range, local rows); by default it holds no expressions. */
public abstract class LeafNode extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    @Override
    public List<LogicalPlan> children() {
        return List.of();
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
        return this;
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }
}
