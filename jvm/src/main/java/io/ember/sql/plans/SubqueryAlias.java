package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/** Names a relation ({@code df.alias("t")}, a view): its columns can be qualified as {@code t.col}. */
public final class SubqueryAlias extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final String alias;
    private final LogicalPlan child;

    public SubqueryAlias(String alias, LogicalPlan child) {
        this.alias = alias;
        this.child = child;
    }

    public String alias() {
        return alias;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new SubqueryAlias(alias, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        return child.output().stream().map(a -> a.withQualifier(List.of(alias))).toList();
    }

    @Override
    public List<Expression> expressions() {
        return List.of();
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return List.of(alias);
    }
}
