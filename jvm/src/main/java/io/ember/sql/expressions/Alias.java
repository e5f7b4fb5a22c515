package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;

/** {@code child AS name}: gives a computed value a name and a fresh identity. */
public final class Alias extends NamedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final String name;
    private final ExprId exprId;

    public Alias(Expression child, String name, ExprId exprId) {
        this.child = child;
        this.name = name;
        this.exprId = exprId;
    }

    public Alias(Expression child, String name) {
        this(child, name, ExprId.next());
    }

    public Expression child() {
        return child;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExprId exprId() {
        return exprId;
    }

    @Override
    public DataType dataType() {
        return child.dataType();
    }

    @Override
    public boolean nullable() {
        return child.nullable();
    }

    @Override
    public boolean foldable() {
        return false;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        return child.eval(batch);
    }

    @Override
    public AttributeReference toAttribute() {
        return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of());
    }

    @Override
    public String sql() {
        return child.sql() + " AS " + name;
    }

    @Override
    public String toString() {
        return child + " AS " + name + exprId;
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return new Alias(newChildren.get(0), name, exprId);
    }

    @Override
    protected List<Object> args() {
        return List.of(name, exprId);
    }
}
