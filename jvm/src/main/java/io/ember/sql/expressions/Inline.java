package io.ember.sql.expressions;

import io.ember.sql.types.ArrayType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code inline(array<struct>)}: one row per element, one column per struct field (named after
 * the fields); a null element gives a row of nulls. {@code inline_outer} keeps an input row whose
 * array is null or empty once, with nulls.
 */
public final class Inline extends Generator {
    private static final long serialVersionUID = 1L;

    private final Expression child;
    private final boolean outer;

    public Inline(Expression child, boolean outer) {
        this.child = child;
        this.outer = outer;
    }

    @Override
    public boolean outer() {
        return outer;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        if (child.dataType() instanceof ArrayType a && a.elementType() instanceof StructType) {
            return TypeCheckResult.success();
        }
        return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "Parameter 1 requires the \"ARRAY<STRUCT>\" type, however "
                + TypeCheckResult.quote(child.sql()) + " has the type " + TypeCheckResult.quoteType(child.dataType()),
                Map.of("paramIndex", "first", "requiredType", "\"ARRAY<STRUCT>\"",
                        "inputSql", TypeCheckResult.quote(child.sql()), "inputType", TypeCheckResult.quoteType(child.dataType())));
    }

    @Override
    public StructType elementSchema() {
        if (!(child.dataType() instanceof ArrayType a) || !(a.elementType() instanceof StructType s)) {
            throw new IllegalStateException(sql() + " needs an array of structs, not " + child.dataType().simpleString());
        }
        List<StructField> fields = new ArrayList<>();
        for (StructField f : s.fields()) {
            fields.add(new StructField(f.name(), f.dataType(), f.nullable() || a.containsNull()));
        }
        return new StructType(fields);
    }

    @Override
    public Generated generate(ColumnBatch input) {
        ColumnVector values = child.eval(input);
        int width = elementSchema().size();
        List<Integer> sources = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < input.numRows(); r++) {
            Object v = values.get(r);
            if (v == null) {
                continue;
            }
            for (Object e : (List<?>) v) {
                sources.add(r);
                rows.add(e == null ? new Object[width] : ((Object[]) e).clone());
            }
        }
        return fromRows(elementSchema(), sources, rows);
    }

    @Override
    public String sql() {
        return (outer ? "inline_outer(" : "inline(") + child.sql() + ")";
    }

    @Override
    public List<Expression> children() {
        return List.of(child);
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Inline(c.get(0), outer);
    }

    @Override
    protected List<Object> args() {
        return List.of(outer);
    }
}
