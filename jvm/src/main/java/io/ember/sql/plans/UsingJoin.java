package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code left JOIN right USING (k, ...)} or {@code left NATURAL JOIN right} (the keys are the
 * column names both sides have) before the analyzer knows the sides' columns; once both are
 * resolved it becomes a {@link Join} on the keys under a select with each key once
 * ({@code io.ember.sql.analysis.ResolveUsingJoin}).
 */
public final class UsingJoin extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    private final LogicalPlan left;
    private final LogicalPlan right;
    private final JoinType joinType;
    private final List<String> usingColumns;
    private final boolean natural;

    public UsingJoin(LogicalPlan left, LogicalPlan right, JoinType joinType, List<String> usingColumns, boolean natural) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.usingColumns = List.copyOf(usingColumns);
        this.natural = natural;
    }

    public LogicalPlan left() {
        return left;
    }

    public LogicalPlan right() {
        return right;
    }

    public JoinType joinType() {
        return joinType;
    }

    /** The key names; empty for a natural join. */
    public List<String> usingColumns() {
        return usingColumns;
    }

    public boolean natural() {
        return natural;
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
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> c) {
        return new UsingJoin(c.get(0), c.get(1), joinType, usingColumns, natural);
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
        return List.of(joinType, natural ? "NATURAL" : usingColumns);
    }
}
