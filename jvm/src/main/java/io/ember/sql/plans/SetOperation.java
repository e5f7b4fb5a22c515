package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code INTERSECT} or {@code EXCEPT} of two plans with the same number of columns, matched by
 * position; {@code all} keeps duplicates (as many as both sides have, or left minus right).
 * The output takes the left side's columns.
 */
public final class SetOperation extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    /** Which set operation. */
    public enum Kind { INTERSECT, EXCEPT }

    private final Kind kind;
    private final boolean all;
    private final LogicalPlan left;
    private final LogicalPlan right;

    public SetOperation(Kind kind, boolean all, LogicalPlan left, LogicalPlan right) {
        this.kind = kind;
        this.all = all;
        this.left = left;
        this.right = right;
    }

    public Kind kind() { return kind; }
    public boolean all() { return all; }
    public LogicalPlan left() { return left; }
    public LogicalPlan right() { return right; }

    @Override
    public String nodeName() {
        return kind == Kind.INTERSECT ? "Intersect" : "Except";
    }

    @Override
    public List<AttributeReference> output() {
        if (kind == Kind.EXCEPT) {
            return left.output();
        }
        List<AttributeReference> out = new ArrayList<>();
        for (int i = 0; i < left.output().size(); i++) {
            AttributeReference l = left.output().get(i);
            out.add(l.withNullability(l.nullable() && right.output().get(i).nullable()));
        }
        return out;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
        return new SetOperation(kind, all, newChildren.get(0), newChildren.get(1));
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
        return List.of(all);
    }
}
