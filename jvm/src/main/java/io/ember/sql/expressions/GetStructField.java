package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.List;
import java.util.Map;

/** {@code s.name}: a field of a struct, found by name (case-insensitively); null when the struct is. */
public final class GetStructField extends UnaryExpression {
    private static final long serialVersionUID = 1L;

    private final String name;

    public GetStructField(Expression child, String name) {
        super(child);
        this.name = name;
    }

    public String name() {
        return name;
    }

    private int ordinal() {
        return child.dataType() instanceof StructType s ? s.indexOf(name) : -1;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (!(child.dataType() instanceof StructType)) {
            return ExpectsInputTypes.unexpected(0, child, TypeCheckResult.quote("STRUCT"));
        }
        if (ordinal() < 0) {
            return TypeCheckResult.mismatch("FIELD_NOT_FOUND", "no field named `" + name + "` in " + TypeCheckResult.quoteType(child.dataType()),
                    Map.of("fieldName", "`" + name + "`"));
        }
        return TypeCheckResult.success();
    }

    @Override
    public DataType dataType() {
        return ((StructType) child.dataType()).field(ordinal()).dataType();
    }

    @Override
    public boolean nullable() {
        return true;
    }

    @Override
    public ColumnVector eval(ColumnBatch batch) {
        ColumnVector c = child.eval(batch);
        int k = ordinal();
        Object[] out = new Object[batch.numRows()];
        for (int i = 0; i < out.length; i++) {
            Object[] s = (Object[]) c.get(i);
            out[i] = s == null ? null : s[k];
        }
        return Vectors.fromObjects(dataType(), out);
    }

    @Override
    public String sql() {
        return child.sql() + "." + name;
    }

    @Override
    protected Expression withNewChild(Expression c) {
        return new GetStructField(c, name);
    }

    @Override
    protected List<Object> args() {
        return List.of(name);
    }
}
