package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.Map;

/**
 * A column of a child plan's output, identified by its {@link ExprId}; {@code qualifier} is
 * the relation alias it can be named through ({@code t.a}). Physical planning replaces it with
 * a {@link BoundReference} before evaluation.
 */
public final class AttributeReference extends NamedExpression {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final DataType dataType;
    private final boolean nullable;
    private final ExprId exprId;
    private final List<String> qualifier;
    private final Map<String, Object> metadata;

    public AttributeReference(String name, DataType dataType, boolean nullable, ExprId exprId,
                              List<String> qualifier, Map<String, Object> metadata) {
        this.name = name;
        this.dataType = dataType;
        this.nullable = nullable;
        this.exprId = exprId;
        this.qualifier = List.copyOf(qualifier);
        this.metadata = Map.copyOf(metadata);
    }

    public AttributeReference(String name, DataType dataType, boolean nullable, ExprId exprId, List<String> qualifier) {
        this(name, dataType, nullable, exprId, qualifier, Map.of());
    }

    /** A new column with a fresh id and the metadata a schema's field carries. */
    public AttributeReference(String name, DataType dataType, boolean nullable, Map<String, Object> metadata) {
        this(name, dataType, nullable, ExprId.next(), List.of(), metadata);
    }

    /** A new column with a fresh id. */
    public AttributeReference(String name, DataType dataType, boolean nullable) {
        this(name, dataType, nullable, ExprId.next(), List.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public boolean nullable() {
        return nullable;
    }

    @Override
    public ExprId exprId() {
        return exprId;
    }

    public List<String> qualifier() {
        return qualifier;
    }

    public AttributeReference withQualifier(List<String> q) {
        return new AttributeReference(name, dataType, nullable, exprId, q, metadata);
    }

    public AttributeReference withName(String newName) {
        return new AttributeReference(newName, dataType, nullable, exprId, qualifier, metadata);
    }

    /** The same column with another type (after the analyzer widened what produces it). */
    public AttributeReference withDataType(DataType t) {
        return t.equals(dataType) ? this : new AttributeReference(name, t, nullable, exprId, qualifier, metadata);
    }

    public AttributeReference withNullability(boolean n) {
        return n == nullable ? this : new AttributeReference(name, dataType, n, exprId, qualifier, metadata);
    }

    @Override
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The same column with other metadata. */
    public AttributeReference withMetadata(Map<String, Object> m) {
        return new AttributeReference(name, dataType, nullable, exprId, qualifier, m);
    }

    /** Same column, ignoring name case and qualifier. */
    public boolean sameColumn(AttributeReference other) {
        return exprId.equals(other.exprId);
    }

    @Override
    public AttributeReference toAttribute() {
        return this;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        throw new IllegalStateException("attribute " + this + " was not bound to an input column");
    }

    @Override
    public String sql() {
        return name;
    }

    @Override
    public String simpleString() {
        return name + exprId;
    }

    @Override
    public String toString() {
        return name + exprId;
    }

    @Override
    public List<Expression> children() {
        return List.of();
    }

    @Override
    protected Expression withNewChildren(List<Expression> newChildren) {
        return this;
    }

    @Override
    protected List<Object> args() {
        return metadata.isEmpty() ? List.of(name, dataType, nullable, exprId, qualifier)
                : List.of(name, dataType, nullable, exprId, qualifier, metadata);
    }
}
