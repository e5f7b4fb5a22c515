package io.ember.sql.expressions;

import java.util.List;

/** An expression of one child; a subclass rebuilds itself around a new child. */
public abstract class UnaryExpression extends Expression {
    private static final long serialVersionUID = 1L;

    protected final Expression child;

    protected UnaryExpression(Expression child) {
        this.child = child;
    }

    public Expression child() {
        return child;
    }

    protected abstract Expression withNewChild(Expression newChild);

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public boolean foldable() {
        return child.foldable();
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return withNewChild(newChildren.get(0));
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
