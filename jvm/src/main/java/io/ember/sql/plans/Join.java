package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Joins {@code left} and {@code right} on {@code condition} (none: every pair). Outer joins
 * make the columns of the side that may be missing nullable; semi and anti joins output the
 * left side only.
 */
public final class Join extends LogicalPlan {
    private static final long serialVersionUID = 1L;

    private final LogicalPlan left;
    private final LogicalPlan right;
    private final JoinType joinType;
    private final Expression condition;

    public Join(LogicalPlan left, LogicalPlan right, JoinType joinType, Optional<Expression> condition) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.condition = condition.orElse(null);
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

    public Optional<Expression> condition() {
        return Optional.ofNullable(condition);
    }

    @Override
    public List<AttributeReference> output() {
        boolean leftNullable = joinType == JoinType.RIGHT_OUTER || joinType == JoinType.FULL_OUTER;
        boolean rightNullable = joinType == JoinType.LEFT_OUTER || joinType == JoinType.FULL_OUTER;
        List<AttributeReference> out = new ArrayList<>();
        for (AttributeReference a : left.output()) {
            out.add(leftNullable ? a.withNullability(true) : a);
        }
        if (joinType.keepsRightColumns()) {
            for (AttributeReference a : right.output()) {
                out.add(rightNullable ? a.withNullability(true) : a);
            }
        }
        return out;
    }

    @Override
    public List<LogicalPlan> children() {
        return List.of(left, right);
    }

    @Override
    protected LogicalPlan withNewChildren(List<LogicalPlan> newChildren) {
        return new Join(newChildren.get(0), newChildren.get(1), joinType, condition());
    }

    @Override
    public List<Expression> expressions() {
        return condition == null ? List.of() : List.of(condition);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        if (condition == null) {
            return this;
        }
        Expression c = f.apply(condition);
        return c == condition ? this : new Join(left, right, joinType, Optional.of(c));
    }

    @Override
    protected List<Object> args() {
        return java.util.Arrays.asList(joinType, condition);
    }
}
