package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.Map;

/**
 * {@code child AS name}: gives a computed value a name and a fresh identity. Its metadata is
 * the explicit one ({@code alias(name, metadata=...)}) or else, as Spark's, that of a named
 * child ({@code col("a").alias("b")} keeps {@code a}'s).
 */
public final class Alias extends NamedExpression {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final String name;
    private final ExprId exprId;
    /** Null when none was given (then the child's, if named); else the given metadata. */
    private final Map<String, Object> explicitMetadata;

    public Alias(Expression child, String name, ExprId exprId, Map<String, Object> explicitMetadata) {
        this.child = child;
        this.name = name;
        this.exprId = exprId;
        this.explicitMetadata = explicitMetadata == null ? null : Map.copyOf(explicitMetadata);
    }

    public Alias(Expression child, String name, ExprId exprId) {
        this(child, name, exprId, null);
    }

    public Alias(Expression child, String name) {
        this(child, name, ExprId.next());
    }

    public Expression child() {
        return child;
    }

    /** The metadata given to this alias, or null when it inherits its child's. */
    public Map<String, Object> explicitMetadata() {
        return explicitMetadata;
    }

    /** The same alias (name, id, metadata) over another child. */
    public Alias withChild(Expression newChild) {
        return new Alias(newChild, name, exprId, explicitMetadata);
    }

    @Override
    public Map<String, Object> metadata() {
        if (explicitMetadata != null) {
            return explicitMetadata;
        }
        return child instanceof NamedExpression n ? n.metadata() : Map.of();
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
        return new AttributeReference(name, child.dataType(), child.nullable(), exprId, List.of(), metadata());
    }

    @Override
    public String sql() {
        return child.sql() + " AS " + quoteIfNeeded(name);
    }

    /** The name as Spark writes it in SQL: bare when letters, digits and underscores (not only digits), else backquoted. */
    private static String quoteIfNeeded(String n) {
        return n.matches("[A-Za-z0-9_]+") && !n.matches("[0-9]+") ? n : "`" + n.replace("`", "``") + "`";
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
        return new Alias(newChildren.get(0), name, exprId, explicitMetadata);
    }

    @Override
    protected List<Object> args() {
        return explicitMetadata == null ? List.of(name, exprId) : List.of(name, exprId, explicitMetadata);
    }
}
