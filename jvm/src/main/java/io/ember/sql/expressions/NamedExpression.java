package io.ember.sql.expressions;

/** An expression with a name and an identity: a column of some plan's output, or an alias. */
public abstract class NamedExpression extends Expression {
    private static final long serialVersionUID = 1L;

    public abstract String name();

    public abstract ExprId exprId();

    /** The attribute that refers to this value in a parent plan. */
    public abstract AttributeReference toAttribute();
}
