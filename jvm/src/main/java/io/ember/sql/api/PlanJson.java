package io.ember.sql.api;

import static io.ember.sql.api.PlanNames.*;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.UnresolvedAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one operation of the plan protocol (docs/sql.md) into a Dataset over its inputs: the
 * JVM half of "one call per DataFrame operation". The Dataset is analyzed before it is
 * returned, so a bad name fails here, as in PySpark. Stateless.
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
        ExprJson ex = new ExprJson(inputs);
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
        if (!groupType.equals(GROUP_BY)) {
            throw unsupported("aggregate with groupType " + groupType);
        }
        RelationalGroupedDataset g = in.groupBy(columns(ex.list(op.get("grouping"))));
        return g.agg(List.of(columns(ex.list(op.get("aggs")))));
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
