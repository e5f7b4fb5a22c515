package io.ember.sql.expressions.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Generator;
import io.ember.sql.expressions.TypeCheckResult;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.StringType;
import io.ember.sql.types.StructField;
import io.ember.sql.types.StructType;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code json_tuple(json, f1, ..., fn)}: one row per input row with the top-level fields
 * {@code f1..fn} of the JSON object as strings (columns {@code c0..c(n-1)}): text values as
 * their text, other values as compact JSON, null for a missing field, a JSON null or a null
 * name; text that is not a JSON object gives a row of nulls, as Spark's JsonTuple.
 */
public final class JsonTuple extends Generator {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Expression> children;

    public JsonTuple(List<? extends Expression> children) {
        this.children = List.copyOf(children);
    }

    @Override
    public TypeCheckResult checkInputDataTypes() {
        for (int i = 0; i < children.size(); i++) {
            if (!(children.get(i).dataType() instanceof StringType)) {
                return TypeCheckResult.mismatch("NON_STRING_TYPE", "all arguments of the function `json_tuple` must be strings",
                        Map.of("funcName", "`json_tuple`"));
            }
        }
        return TypeCheckResult.success();
    }

    @Override
    public StructType elementSchema() {
        List<StructField> fields = new ArrayList<>();
        for (int i = 1; i < children.size(); i++) {
            fields.add(new StructField("c" + (i - 1), DataTypes.StringType, true));
        }
        return new StructType(fields);
    }

    @Override
    public Generated generate(ColumnBatch input) {
        ColumnVector json = children.get(0).eval(input);
        ColumnVector[] names = new ColumnVector[children.size() - 1];
        for (int i = 0; i < names.length; i++) {
            names[i] = children.get(i + 1).eval(input);
        }
        List<Integer> sources = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < input.numRows(); r++) {
            JsonNode root = parseObject((String) json.get(r));
            Object[] row = new Object[names.length];
            for (int c = 0; c < names.length && root != null; c++) {
                Object name = names[c].get(r);
                JsonNode n = name == null ? null : root.get((String) name);
                row[c] = n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
            }
            sources.add(r);
            rows.add(row);
        }
        return fromRows(elementSchema(), sources, rows);
    }

    private static JsonNode parseObject(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(text);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public String sql() {
        return "json_tuple(" + String.join(", ", children.stream().map(Expression::sql).toList()) + ")";
    }

    @Override
    public List<Expression> children() {
        return children;
    }

    @Override
    protected Expression withNewChildren(List<Expression> c) {
        return new JsonTuple(c);
    }

    @Override
    protected List<Object> args() {
        return List.of();
    }
}
