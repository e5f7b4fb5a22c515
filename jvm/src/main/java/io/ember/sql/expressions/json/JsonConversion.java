package io.ember.sql.expressions.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.InputType;
import io.ember.sql.expressions.RowFunction;
import io.ember.sql.expressions.SqlTypes;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DdlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code to_json(value)} (a struct, array or map as compact JSON text), {@code from_json(text,
 * schema)} (the schema a constant DDL string; malformed text gives a struct of nulls, or null for
 * other types, as Spark's PERMISSIVE mode) and {@code schema_of_json(text)} (the inferred type's
 * SQL text). Options are accepted and ignored.
 */
public final class JsonConversion extends RowFunction {
    private static final long serialVersionUID = 1L;

    /** Which direction. */
    public enum Kind { TO_JSON, FROM_JSON, SCHEMA_OF_JSON }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Kind kind;

    public JsonConversion(Kind kind, List<Expression> args) {
        super(args);
        this.kind = kind;
    }

    @Override
    public String prettyName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String sql() {
        return kind == Kind.SCHEMA_OF_JSON ? super.sql() : prettyName() + "(" + args.get(0).sql() + ")";
    }

    @Override
    public List<InputType> inputTypes() {
        List<InputType> t = new ArrayList<>();
        t.add(kind == Kind.TO_JSON ? InputType.ANY : InputType.STRING);
        for (int i = 1; i < args.size(); i++) t.add(InputType.ANY);
        return t;
    }

    private DataType schema() {
        String text = (String) args.get(1).evalConstant();
        try {
            return DdlParser.parse(text);
        } catch (RuntimeException e) {
            return DdlParser.parseSchema(text);
        }
    }

    @Override
    public DataType dataType() {
        return kind == Kind.FROM_JSON ? schema() : DataTypes.StringType;
    }

    @Override
    protected Object compute(Object[] v) {
        switch (kind) {
            case TO_JSON:
                return JsonValues.write(v[0], args.get(0).dataType()).toString();
            case SCHEMA_OF_JSON:
                return SqlTypes.sqlName(JsonValues.infer(parse((String) v[0])));
            default: {
                DataType t = dataType();
                JsonNode n = parse((String) v[0]);
                Object out = n == null ? null : JsonValues.read(n, t);
                if (out == null && t instanceof io.ember.sql.types.StructType s) return new Object[s.size()];
                return out;
            }
        }
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    protected Expression copy(List<Expression> a) {
        return new JsonConversion(kind, a);
    }

    @Override
    protected List<Object> args() {
        return List.of(kind);
    }
}
