package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.NamedExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code SELECT aggregateExpressions FROM child GROUP BY groupingExpressions}. The output list
 * may mix grouping expressions and expressions over aggregate functions ({@code sum(a) + 1}).
 */
public final class Aggregate extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<Expression> groupingExpressions;
    private final List<Expression> aggregateExpressions;
    private final LogicalPlan child;

    public Aggregate(List<? extends Expression> groupingExpressions, List<? extends Expression> aggregateExpressions,
                     LogicalPlan child) {
        this.groupingExpressions = List.copyOf(groupingExpressions);
        this.aggregateExpressions = List.copyOf(aggregateExpressions);
        this.child = child;
    }

    public List<Expression> groupingExpressions() {
        return groupingExpressions;
    }

    public List<Expression> aggregateExpressions() {
        return aggregateExpressions;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new Aggregate(groupingExpressions, aggregateExpressions, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(aggregateExpressions.size());
        for (Expression e : aggregateExpressions) {
            out.add(((NamedExpression) e).toAttribute());
        }
        return out;
    }

    @Override
    protected boolean computeResolved() {
        return super.computeResolved() && aggregateExpressions.stream().allMatch(e -> e instanceof NamedExpression);
    }

    @Override
    public List<Expression> expressions() {
        List<Expression> all = new ArrayList<>(groupingExpressions);
        all.addAll(aggregateExpressions);
        return all;
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        List<Expression> g = mapAll(groupingExpressions, f);
        List<Expression> a = mapAll(aggregateExpressions, f);
        if (g == null && a == null) {
            return this;
        }
        return new Aggregate(g == null ? groupingExpressions : g, a == null ? aggregateExpressions : a, child);
    }

    @Override
    protected List<Object> args() {
        return List.of(groupingExpressions, aggregateExpressions);
    }
}
