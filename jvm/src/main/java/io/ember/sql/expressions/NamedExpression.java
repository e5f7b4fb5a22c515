package io.ember.sql.expressions;

import java.util.Map;

/** An expression with a name and an identity: a column of some plan's output, or an alias. */
public abstract class NamedExpression extends Expression {
    private static final long serialVersionUID = 1L;

    public abstract String name();

    public abstract ExprId exprId();

    /** The attribute that refers to this value in a parent plan. */
    public abstract AttributeReference toAttribute();

    /**
     * The column's metadata (Spark's {@code Metadata}: JSON-compatible values), shown in the
     * schema's {@code StructField.metadata}; empty unless a source or an alias gave some.
     */
    public Map<String, Object> metadata() {
        return Map.of();
    }
}
