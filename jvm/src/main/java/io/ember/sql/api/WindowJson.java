package io.ember.sql.api;

import static io.ember.sql.api.PlanNames.CURRENT_ROW;
import static io.ember.sql.api.PlanNames.FRAME_ROWS;
import static io.ember.sql.api.PlanNames.UNBOUNDED_FOLLOWING;
import static io.ember.sql.api.PlanNames.UNBOUNDED_PRECEDING;

import com.fasterxml.jackson.databind.JsonNode;
import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.SortOrder;
import io.ember.sql.expressions.WindowExpression;
import io.ember.sql.expressions.WindowFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code window} expression kind of docs/sql.md: {@code fn OVER (PARTITION BY ... ORDER BY
 * ... frame)}; an ordering key without a direction is ascending, and a missing frame is
 * Spark's default for the ordering.
 */
final class WindowJson {
    private WindowJson() {}

    static WindowExpression read(JsonNode e, Function<JsonNode, Expression> reader) {
        List<Expression> partitionBy = new ArrayList<>();
        for (JsonNode p : e.path("partitionBy")) {
            partitionBy.add(reader.apply(p));
        }
        List<SortOrder> orderBy = new ArrayList<>();
        for (JsonNode o : e.path("orderBy")) {
            Expression key = reader.apply(o);
            orderBy.add(key instanceof SortOrder s ? s : SortOrder.asc(key));
        }
        WindowFrame frame = e.hasNonNull("frame") ? frame(e.get("frame")) : null;
        return new WindowExpression(reader.apply(e.get("expr")), partitionBy, orderBy, frame);
    }

    private static WindowFrame frame(JsonNode f) {
        return new WindowFrame(FRAME_ROWS.equals(f.path("type").asText()), bound(f.get("start")), bound(f.get("end")));
    }

    private static long bound(JsonNode b) {
        if (b == null || b.isNull()) {
            throw new AnalysisException("INVALID_WINDOW_SPEC", "A window frame needs a start and an end.", Map.of());
        }
        if (b.isNumber()) {
            return b.asLong();
        }
        return switch (b.asText()) {
            case UNBOUNDED_PRECEDING -> WindowFrame.UNBOUNDED_PRECEDING;
            case UNBOUNDED_FOLLOWING -> WindowFrame.UNBOUNDED_FOLLOWING;
            case CURRENT_ROW -> WindowFrame.CURRENT_ROW;
            default -> throw new AnalysisException("INVALID_WINDOW_SPEC", "Unknown window frame bound '" + b.asText() + "'.",
                    Map.of("bound", b.asText()));
        };
    }
}
