package io.ember.sql.expressions;

import java.util.List;

/** An expression of two children; a subclass rebuilds itself around new ones. */
public abstract class BinaryExpression extends Expression {
    private static final long serialVersionUID = 1L;

    protected final Expression left;
    protected final Expression right;

    protected BinaryExpression(Expression left, Expression right) {
        this.left = left;
        this.right = right;
    }

    public Expression left() {
        return left;
    }

    public Expression right() {
        return right;
    }

    /** This expression over new operands (same class). */
    public abstract BinaryExpression withOperands(Expression newLeft, Expression newRight);

    @Override
    public boolean nullable() {
        return left.nullable() || right.nullable();
    }

    @Override
    public boolean foldable() {
        return left.foldable() && right.foldable();
    }

    @Override
    public List<Expression> children() {
        return List.of(left, right);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return withOperands(newChildren.get(0), newChildren.get(1));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
