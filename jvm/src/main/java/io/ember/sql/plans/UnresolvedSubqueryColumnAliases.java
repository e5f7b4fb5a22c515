package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * New names for all the columns of a relation, written after its alias: {@code (SELECT ...) AS
 * t(a, b)}, {@code VALUES ... AS t(a, b)}, {@code WITH t(a, b) AS (...)}. Once the child is
 * resolved the analyzer makes it a select of aliases ({@code ResolveSubqueryColumnAliases}).
 */
public final class UnresolvedSubqueryColumnAliases extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final LogicalPlan child;

    public UnresolvedSubqueryColumnAliases(List<String> names, LogicalPlan child) {
        this.names = List.copyOf(names);
        this.child = child;
    }

    public List<String> names() {
        return names;
    }

    @Override
    public LogicalPlan child() {
        return child;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new UnresolvedSubqueryColumnAliases(names, newChild);
    }

    @Override
    public List<AttributeReference> output() {
        throw new IllegalStateException("output of unresolved " + nodeName());
    }

    @Override
    protected boolean computeResolved() {
        return false;
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
        return List.of(names);
    }
}
