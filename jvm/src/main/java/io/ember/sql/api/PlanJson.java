package io.ember.sql.api;

import static io.ember.sql.api.PlanNames.*;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import io.ember.sql.types.DataTypeJson;
import io.ember.sql.types.DdlParser;
import io.ember.sql.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one operation of the plan protocol (docs/sql.md) into a Dataset over its inputs: the
 * JVM half of "one call per DataFrame operation". The Dataset is analyzed before it is
 * returned, so a bad name fails here, as in PySpark. A {@code hint} is accepted and has no
 * effect on the plan (the planner chooses broadcasts by size). Stateless.
 */
public final class PlanJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PlanJson() {}

    public static Dataset<Row> read(String opJson, List<Dataset<Row>> inputs, SparkSession session) {
        JsonNode op;
        try {
            op = JSON.readTree(opJson);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("malformed plan operation: " + e.getMessage(), e);
        }
        ExprJson ex = new ExprJson(inputs, session.conf().caseSensitive());
        String name = op.path(F_OP).asText();
        Dataset<Row> in = op.has(F_INPUT) ? inputs.get(op.get(F_INPUT).asInt()) : null;
        return switch (name) {
            case OP_RANGE -> session.range(op.get("start").asLong(), op.get("end").asLong(), op.path("step").asLong(1),
                    op.hasNonNull("numPartitions") ? op.get("numPartitions").asInt()
                            : session.sparkContext().defaultParallelism());
            case OP_SELECT -> in.select(columns(ex.list(op.get("exprs"))));
            case OP_FILTER -> in.filter(new Column(ex.read(op.get("condition"))));
            case OP_WITH_COLUMNS -> in.withColumns(strings(op.get("names")), List.of(columns(ex.list(op.get("exprs")))));
            case OP_WITH_COLUMNS_RENAMED -> renamed(in, op.get("renames"));
            case OP_DROP -> drop(in, ex.list(op.get("columns")));
            case OP_AGGREGATE -> aggregate(in, op, ex);
            case OP_SORT -> op.path("global").asBoolean(true) ? in.orderBy(columns(ex.list(op.get("order"))))
                    : in.sortWithinPartitions(columns(ex.list(op.get("order"))));
            case OP_LIMIT -> in.limit(op.get("n").asInt());
            case OP_DISTINCT -> in.distinct();
            case OP_ALIAS -> in.as(op.get("alias").asText());
            case OP_TO_DF -> in.toDF(strings(op.get("names")).toArray(new String[0]));
            case OP_OFFSET -> in.offset(op.get("n").asInt());
            case OP_JOIN -> join(op, inputs, ex);
            case OP_LATERAL_JOIN -> lateralJoin(op, inputs, ex, session);
            case OP_SET_OP -> setOp(op, inputs);
            case OP_DROP_DUPLICATES -> op.hasNonNull("columns")
                    ? in.dropDuplicates(strings(op.get("columns")).toArray(new String[0])) : in.dropDuplicates();
            case OP_SAMPLE -> in.sampleBetween(op.path("lowerBound").asDouble(0.0),
                    op.hasNonNull("upperBound") ? op.get("upperBound").asDouble() : op.get("fraction").asDouble(),
                    op.path("withReplacement").asBoolean(false), op.path("seed").asLong());
            case OP_REPARTITION -> repartition(in, op, ex);
            case OP_HINT -> in.toDF();
            case OP_READ -> read(op, session);
            case OP_SQL -> SqlStatements.fromJson(op, session, ex);
            default -> throw unsupported(name);
        };
    }

    private static Dataset<Row> renamed(Dataset<Row> in, JsonNode renames) {
        Dataset<Row> out = in;
        for (JsonNode pair : renames) {
            out = out.withColumnRenamed(pair.get(0).asText(), pair.get(1).asText());
        }
        return out;
    }

    private static Dataset<Row> drop(Dataset<Row> in, List<Expression> columns) {
        Dataset<Row> out = in;
        for (Expression c : columns) {
            out = c instanceof UnresolvedAttribute u && u.nameParts().size() == 1
                    ? out.drop(u.nameParts().get(0)) : out.drop(new Column(c));
        }
        return out;
    }

    private static Dataset<Row> aggregate(Dataset<Row> in, JsonNode op, ExprJson ex) {
        String groupType = op.path("groupType").asText(GROUP_BY);
        Column[] grouping = columns(ex.list(op.get("grouping")));
        RelationalGroupedDataset g = switch (groupType) {
            case GROUP_BY, PIVOT -> in.groupBy(grouping);
            case ROLLUP -> in.rollup(grouping);
            case CUBE -> in.cube(grouping);
            case GROUPING_SETS -> in.groupingSets(sets(op.get("groupingSets"), ex), grouping);
            default -> throw unsupported("aggregate with groupType " + groupType);
        };
        if (groupType.equals(PIVOT)) {
            Expression pivot = ex.read(op.get("pivotColumn"));
            if (op.hasNonNull("pivotValues")) {
                List<Object> values = new ArrayList<>();
                for (Expression v : ex.list(op.get("pivotValues"))) {
                    values.add(((io.ember.sql.expressions.Literal) v).value());
                }
                g = g.pivot(new Column(pivot), values);
            } else {
                g = g.pivot(((UnresolvedAttribute) pivot).name());
            }
        }
        return g.agg(List.of(columns(ex.list(op.get("aggs")))));
    }

    private static List<List<Column>> sets(JsonNode sets, ExprJson ex) {
        List<List<Column>> out = new ArrayList<>();
        for (JsonNode s : sets) {
            out.add(List.of(columns(ex.list(s))));
        }
        return out;
    }

    private static Dataset<Row> join(JsonNode op, List<Dataset<Row>> inputs, ExprJson ex) {
        Dataset<Row> left = inputs.get(op.get("left").asInt());
        Dataset<Row> right = inputs.get(op.get("right").asInt());
        String how = op.path("how").asText("inner");
        if (op.hasNonNull("using")) {
            return left.join(right, strings(op.get("using")), how);
        }
        if (op.hasNonNull("on")) {
            return left.join(right, new Column(ex.read(op.get("on"))), how);
        }
        return how.equals(JOIN_CROSS) ? left.crossJoin(right) : left.join(right, (Column) null, how);
    }

    /** {@code left.lateralJoin(right, on, how)}: how is {@code inner}, {@code cross} or {@code left}, as Spark allows. */
    private static Dataset<Row> lateralJoin(JsonNode op, List<Dataset<Row>> inputs, ExprJson ex, SparkSession session) {
        Dataset<Row> left = inputs.get(op.get("left").asInt());
        Dataset<Row> right = inputs.get(op.get("right").asInt());
        String how = op.path("how").asText("inner");
        io.ember.sql.plans.JoinType type = io.ember.sql.plans.JoinType.parse(how);
        if (type != io.ember.sql.plans.JoinType.INNER && type != io.ember.sql.plans.JoinType.CROSS
                && type != io.ember.sql.plans.JoinType.LEFT_OUTER) {
            String supported = "'inner', 'leftouter', 'left', 'left_outer', 'cross'";
            throw new AnalysisException("UNSUPPORTED_JOIN_TYPE", "Unsupported join type '" + how
                    + "'. Supported join types include: " + supported + ".", Map.of("typ", how, "supported", supported));
        }
        java.util.Optional<io.ember.sql.expressions.Expression> on = op.hasNonNull("on")
                ? java.util.Optional.of(ex.read(op.get("on"))) : java.util.Optional.empty();
        return session.ofRows(new io.ember.sql.plans.LateralJoin(left.logicalPlan(),
                new io.ember.sql.expressions.subquery.LateralSubquery(right.logicalPlan()), type, on));
    }

    private static Dataset<Row> setOp(JsonNode op, List<Dataset<Row>> inputs) {
        JsonNode ids = op.get(F_INPUTS);
        Dataset<Row> out = inputs.get(ids.get(0).asInt());
        boolean all = op.path("all").asBoolean(true);
        for (int i = 1; i < ids.size(); i++) {
            Dataset<Row> next = inputs.get(ids.get(i).asInt());
            out = switch (op.path("kind").asText()) {
                case UNION -> op.path("byName").asBoolean(false)
                        ? out.unionByName(next, op.path("allowMissing").asBoolean(false))
                        : all ? out.union(next) : out.union(next).distinct();
                case INTERSECT -> all ? out.intersectAll(next) : out.intersect(next);
                case EXCEPT -> all ? out.exceptAll(next) : out.except(next);
                default -> throw unsupported("setOp " + op.path("kind").asText());
            };
        }
        return out;
    }

    private static Dataset<Row> repartition(Dataset<Row> in, JsonNode op, ExprJson ex) {
        int n = op.hasNonNull("n") ? op.get("n").asInt() : 0;
        Column[] exprs = columns(ex.list(op.get("exprs")));
        if (op.path("byId").asBoolean(false)) {
            return in.repartitionById(n, columns(ex.list(op.get("exprs")))[0]);
        }
        if (!op.path("shuffle").asBoolean(true)) {
            return in.coalesce(n);
        }
        return op.path("byRange").asBoolean(false) ? in.repartitionByRange(n, exprs) : in.repartition(n, exprs);
    }

    private static Dataset<Row> read(JsonNode op, SparkSession session) {
        DataFrameReader r = session.read().format(op.get("format").asText()).options(stringMap(op.get("options")));
        if (op.hasNonNull("schema")) {
            String text = op.get("schema").asText();
            r.schema(text.trim().startsWith("{") ? (StructType) DataTypeJson.fromJson(text) : DdlParser.parseSchema(text));
        }
        return r.load(strings(op.get("paths")));
    }

    static Column[] columns(List<Expression> exprs) {
        return exprs.stream().map(Column::new).toArray(Column[]::new);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && !object.isNull()) {
            object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static AnalysisException unsupported(String what) {
        return new AnalysisException("UNSUPPORTED_FEATURE.PLAN_OPERATION",
                "The feature is not supported: the plan operation '" + what + "'.", Map.of("operation", what));
    }

}
