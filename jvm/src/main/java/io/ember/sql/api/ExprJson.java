package io.ember.sql.api;

import static io.ember.sql.api.PlanNames.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.ember.sql.AnalysisException;
import io.ember.sql.analysis.UnresolvedExtractValue;
import io.ember.sql.expressions.Alias;
import io.ember.sql.expressions.CaseWhen;
import io.ember.sql.expressions.Cast;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.Literal;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.expressions.UnresolvedFunction;
import io.ember.sql.expressions.UnresolvedStar;
import io.ember.sql.expressions.subquery.Exists;
import io.ember.sql.expressions.subquery.InSubquery;
import io.ember.sql.expressions.subquery.ScalarSubquery;
import io.ember.sql.expressions.subquery.Subqueries;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.types.BinaryType;
import io.ember.sql.types.BooleanType;
import io.ember.sql.types.DataType;
import io.ember.sql.types.DataTypes;
import io.ember.sql.types.DateType;
import io.ember.sql.types.DecimalType;
import io.ember.sql.types.DdlParser;
import io.ember.sql.types.DoubleType;
import io.ember.sql.types.FloatType;
import io.ember.sql.types.NullType;
import io.ember.sql.types.StringType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the expression objects of the plan protocol ({@code {"kind": ...}}, docs/sql.md) into
 * unresolved expressions. A column taken from a DataFrame ({@code "plan": i}) is resolved at
 * once against that input's plan, as {@code df["a"]} is in Spark.
 */
final class ExprJson {
    private final List<Dataset<Row>> inputs;
    private final boolean caseSensitive;

    ExprJson(List<Dataset<Row>> inputs, boolean caseSensitive) {
        this.inputs = inputs;
        this.caseSensitive = caseSensitive;
    }

    List<Expression> list(JsonNode array) {
        List<Expression> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            for (JsonNode e : array) {
                out.add(read(e));
            }
        }
        return out;
    }

    Expression read(JsonNode e) {
        String kind = e.path(F_KIND).asText();
        return switch (kind) {
            case KIND_COL -> column(e);
            case KIND_STAR -> new UnresolvedStar(e.hasNonNull("target")
                    ? ColumnNames.parse(e.get("target").asText()) : List.of());
            case KIND_LIT -> literal(e.get("value"), DdlParser.parseType(e.get("type").asText()));
            case KIND_FN -> new UnresolvedFunction(e.get("name").asText(), list(e.get("args")),
                    e.path("distinct").asBoolean(false));
            case KIND_ALIAS -> alias(e);
            case KIND_CAST -> e.path("try").asBoolean(false)
                    ? new io.ember.sql.expressions.TryCast(read(e.get("expr")), DdlParser.parseType(e.get("type").asText()), null)
                    : new Cast(read(e.get("expr")), DdlParser.parseType(e.get("type").asText()));
            case KIND_SORT -> new SortOrder(read(e.get("expr")), e.path("asc").asBoolean(true),
                    e.path("nullsFirst").asBoolean(e.path("asc").asBoolean(true)));
            case KIND_WHEN -> when(e);
            case KIND_FIELD -> new UnresolvedExtractValue(read(e.get("expr")), new Literal(e.get("name").asText(), DataTypes.StringType));
            case KIND_ITEM -> new UnresolvedExtractValue(read(e.get("expr")), read(e.get("key")));
            case KIND_UDF -> PythonUdfJson.read(e, list(e.get("args")));
            case KIND_WINDOW -> WindowJson.read(e, this::read);
            case KIND_UPDATE_FIELDS -> updateFields(e);
            case KIND_REGEX -> inputs.get(e.get("plan").asInt()).colRegex(e.get("name").asText()).expr();
            case KIND_SQL_EXPR -> new io.ember.sql.parser.SparkSqlParser(1).parseExpression(e.get("text").asText());
            case KIND_SCALAR_SUBQUERY -> new ScalarSubquery(subquery(e));
            case KIND_EXISTS -> new Exists(subquery(e));
            case KIND_IN_SUBQUERY -> new InSubquery(list(e.get("values")), subquery(e));
            case KIND_OUTER -> Subqueries.markOuter(read(e.get("expr")));
            case KIND_LAMBDA -> new io.ember.sql.expressions.lambda.LambdaFunction(read(e.get("body")), list(e.get("params")));
            case KIND_LAMBDA_VAR -> new io.ember.sql.expressions.lambda.UnresolvedNamedLambdaVariable(e.get("name").asText(), true);
            default -> throw new AnalysisException("UNSUPPORTED_FEATURE.EXPRESSION_KIND",
                    "The feature is not supported: expression kind '" + kind + "'.", Map.of("kind", kind));
        };
    }

    private Expression column(JsonNode e) {
        String name = e.get("name").asText();
        if (e.hasNonNull("plan")) {
            return inputs.get(e.get("plan").asInt()).col(name).expr();
        }
        return new UnresolvedAttribute(ColumnNames.parse(name), -1);
    }

    /** The plan of the input Dataset a subquery expression names ({@code "plan": i}). */
    private LogicalPlan subquery(JsonNode e) {
        return inputs.get(e.get("plan").asInt()).logicalPlan();
    }

    private Expression when(JsonNode e) {
        List<Expression[]> branches = new ArrayList<>();
        for (JsonNode b : e.get("branches")) {
            branches.add(new Expression[] {read(b.get(0)), read(b.get(1))});
        }
        return new CaseWhen(branches, e.hasNonNull("otherwise") ? read(e.get("otherwise")) : null);
    }

    /** {@code alias}, with {@code "metadata"} when given (PySpark's {@code alias(name, metadata=)}). */
    private Expression alias(JsonNode e) {
        Expression given = read(e.get("expr"));
        if (e.get("names").size() > 1) {
            return new io.ember.sql.expressions.MultiAlias(unalias(given), strings(e.get("names")), List.of());
        }
        String name = e.get("names").get(0).asText();
        Map<String, Object> metadata = e.hasNonNull("metadata")
                ? io.ember.sql.types.DataTypeJson.metadata(e.get("metadata"))
                : given instanceof Alias inner ? inner.metadata() : null;
        return new Alias(unalias(given), name, io.ember.sql.expressions.ExprId.next(), metadata);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** {@code withField}/{@code dropFields}: each op {"path":"a.b","value":E} or {"path":"a","drop":true}. */
    private Expression updateFields(JsonNode e) {
        Expression struct = read(e.get("expr"));
        for (JsonNode op : e.get("ops")) {
            List<String> path = ColumnNames.parse(op.get("path").asText());
            struct = op.path("drop").asBoolean(false)
                    ? io.ember.sql.expressions.UpdateFields.dropField(struct, path, caseSensitive)
                    : io.ember.sql.expressions.UpdateFields.withField(struct, path, read(op.get("value")), caseSensitive);
        }
        return struct;
    }

    private static Expression unalias(Expression e) {
        return e instanceof Alias a ? a.child() : e;
    }

    /** A literal of {@code type} from its JSON form (docs/sql.md: decimals as strings, dates as text, binary base64). */
    static Literal literal(JsonNode v, DataType type) {
        if (v == null || v.isNull() || type instanceof NullType) {
            return new Literal(null, type);
        }
        Object value;
        if (DataTypes.isIntBacked(type) && !(type instanceof DateType)) {
            value = v.asInt();
        } else if (type instanceof DateType) {
            value = (int) LocalDate.parse(v.asText()).toEpochDay();
        } else if (DataTypes.isLongBacked(type)) {
            value = v.asLong();
        } else if (type instanceof DoubleType) {
            value = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
        } else if (type instanceof FloatType) {
            value = (float) (v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
        } else if (type instanceof BooleanType) {
            value = v.asBoolean();
        } else if (type instanceof StringType) {
            value = v.asText();
        } else if (type instanceof DecimalType d) {
            value = new BigDecimal(v.asText()).setScale(d.scale());
        } else if (type instanceof BinaryType) {
            value = Base64.getDecoder().decode(v.asText());
        } else {
            throw new AnalysisException("UNSUPPORTED_FEATURE.LITERAL_TYPE", "The feature is not supported: Literal for '"
                    + v + "' of " + type.simpleString() + ".", Map.of("value", v.toString(), "type", type.simpleString()));
        }
        return new Literal(value, type);
    }
}
