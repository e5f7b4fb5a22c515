package io.ember.sql.expressions;

import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.IntegerType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stack(n, v1, ..., vk)}: each input row becomes {@code n} rows of {@code ceil(k / n)}
 * columns ({@code col0}, {@code col1}, ...), filled from the values in order, the last row padded
 * with nulls. {@code n} must be a constant positive integer and the values of one column must
 * share a type (nulls fit any), as Spark checks.
 */
public final class Stack extends Generator {
    private static final long serialVersionUID = 1L;

    private final List<Expression> children;

    public Stack(List<? extends Expression> children) {
        this.children = List.copyOf(children);
    }

    private int numRows() {
        return ((Number) children.get(0).evalConstant()).intValue();
    }

    private int numColumns() {
        int values = children.size() - 1;
        int n = numRows();
        return (values + n - 1) / n;
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        Expression n = children.get(0);
        if (!(n.dataType() instanceof IntegerType)) {
            return TypeCheckResult.mismatch("UNEXPECTED_INPUT_TYPE", "Parameter 1 requires the \"INT\" type, however "
                    + TypeCheckResult.quote(n.sql()) + " has the type " + TypeCheckResult.quoteType(n.dataType()),
                    Map.of("paramIndex", "first", "requiredType", "\"INT\"", "inputSql", TypeCheckResult.quote(n.sql()),
                            "inputType", TypeCheckResult.quoteType(n.dataType())));
        }
        if (!n.foldable() || n.evalConstant() == null || numRows() <= 0) {
            return TypeCheckResult.mismatch("NON_FOLDABLE_INPUT", "the input n should be a foldable positive \"INT\""
                    + " expression; however, got " + TypeCheckResult.quote(n.sql()),
                    Map.of("inputName", "`n`", "inputType", "\"INT\"", "inputExpr", TypeCheckResult.quote(n.sql())));
        }
        int cols = numColumns();
        for (int c = 0; c < cols; c++) {
            int first = -1;
            for (int i = 1 + c; i < children.size(); i += cols) {
                DataType t = children.get(i).dataType();
                if (t instanceof NullType) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                } else if (!children.get(first).dataType().equals(t)) {
                    return TypeCheckResult.mismatch("STACK_COLUMN_DIFF_TYPES", "The data type of the column (" + c
                            + ") do not have the same type: " + TypeCheckResult.quoteType(children.get(first).dataType())
                            + " (" + first + ") <> " + TypeCheckResult.quoteType(t) + " (" + i + ")",
                            Map.of("columnIndex", String.valueOf(c), "leftParamIndex", String.valueOf(first),
                                    "leftType", TypeCheckResult.quoteType(children.get(first).dataType()),
                                    "rightParamIndex", String.valueOf(i), "rightType", TypeCheckResult.quoteType(t)));
                }
            }
        }
        return TypeCheckResult.success();
    }

    @Override
    public StructType elementSchema() {
        int cols = numColumns();
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            DataType type = DataTypes.NullType;
            for (int i = 1 + c; i < children.size(); i += cols) {
                if (!(children.get(i).dataType() instanceof NullType)) {
                    type = children.get(i).dataType();
                    break;
                }
            }
            fields.add(new StructField("col" + c, type, true));
        }
        return new StructType(fields);
    }

    @Override
    public Generated generate(ColumnBatch input) {
        int n = numRows();
        int cols = numColumns();
        ColumnVector[] values = new ColumnVector[children.size() - 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = children.get(i + 1).eval(input);
        }
        List<Integer> sources = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < input.numRows(); r++) {
            for (int k = 0; k < n; k++) {
                Object[] row = new Object[cols];
                for (int c = 0; c < cols; c++) {
                    int v = k * cols + c;
                    row[c] = v < values.length ? values[v].get(r) : null;
                }
                sources.add(r);
                rows.add(row);
            }
        }
        return fromRows(elementSchema(), sources, rows);
    }

    @Override
    public String sql() {
        return "stack(" + String.join(", ", children.stream().map(Expression::sql).toList()) + ")";
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new Stack(c);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
