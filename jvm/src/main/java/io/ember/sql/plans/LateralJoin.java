package io.ember.sql.plans;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.subquery.LateralSubquery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code left.lateralJoin(right, on, how)} before analysis: {@code right} (a
 * {@link LateralSubquery}) may read {@code left}'s columns. It never stays in an analyzed plan:
 * once the subquery resolves (with {@code left}'s columns as its outer scope), the analyzer's
 * {@code RewriteLateralJoin} turns it into a {@link Join} on the correlated predicates it pulls
 * up, and {@code condition} (unresolved, not one of this node's expressions) becomes part of that
 * join's condition. Inner, cross and left outer joins only, as in Spark.
 */
public final class LateralJoin extends UnaryNode {
    private static final long serialVersionUID = 1L;

    private final LogicalPlan left;
    private final LateralSubquery right;
    private final JoinType joinType;
    private final Optional<Expression> condition;

    public LateralJoin(LogicalPlan left, LateralSubquery right, JoinType joinType, Optional<Expression> condition) {
        this.left = left;
        this.right = right;
        this.joinType = joinType;
        this.condition = condition;
    }

    public LateralSubquery right() {
        return right;
    }

    public JoinType joinType() {
        return joinType;
    }

    public Optional<Expression> condition() {
        return condition;
    }

    @Override
    public LogicalPlan child() {
        return left;
    }

    @Override
    public LogicalPlan withChild(LogicalPlan newChild) {
        return new LateralJoin(newChild, right, joinType, condition);
    }

    /** Unresolved until rewritten into a join. */
    @Override
    protected boolean computeResolved() {
        return false;
    }

    @Override
    public List<AttributeReference> output() {
        List<AttributeReference> out = new ArrayList<>(left.output());
        if (right.plan().resolved()) {
            out.addAll(right.plan().output());
        }
        return out;
    }

    @Override
    public List<Expression> expressions() {
        return List.of(right);
    }

    @Override
    public LogicalPlan mapExpressions(UnaryOperator<Expression> f) {
        Expression r = f.apply(right);
        return r == right ? this : new LateralJoin(left, (LateralSubquery) r, joinType, condition);
    }

    @Override
    protected List<Object> args() {
        return Arrays.asList(right, joinType, condition);
    }
}
