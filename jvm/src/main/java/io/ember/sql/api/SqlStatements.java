package io.ember.sql.api;

import io.ember.sql.expressions.AttributeReference;
import io.ember.sql.expressions.Expression;
import io.ember.sql.parser.SparkSqlParser;
import io.ember.sql.plans.LocalRelation;
import io.ember.sql.plans.LogicalPlan;
import io.ember.sql.plans.statements.Command;
import io.ember.sql.vector.ColumnBatch;
import io.ember.sql.vector.ColumnVector;
import io.ember.sql.vector.ColumnVectors;
import java.util.List;
import java.util.Map;

/**
 * {@code spark.sql(text)}: parses the statement; a query becomes a Dataset (analyzed now, run
 * by its actions); a command runs at once against the session and its rows become a local
 * Dataset, as in Spark. Stateless.
 */
final class SqlStatements {
    private SqlStatements() {}

    static Dataset<Row> run(SparkSession session, String sqlText, Map<String, Expression> named, List<Expression> positional) {
        LogicalPlan plan = new SparkSqlParser(session.sparkContext().defaultParallelism(), named, positional)
                .parsePlan(sqlText);
        if (plan instanceof Command c) {
            List<Object[]> rows = c.run(new SessionCommandContext(session));
            return session.ofRows(local(c.output(), rows));
        }
        return session.ofRows(plan);
    }

    /** The {@code sql} operation of the plan protocol: {@code {"op":"sql","text":...,"args":{name: E},"posArgs":[E]}}. */
    static Dataset<Row> fromJson(com.fasterxml.jackson.databind.JsonNode op, SparkSession session, ExprJson ex) {
        Map<String, Expression> named = new java.util.HashMap<>();
        if (op.hasNonNull("args")) {
            op.get("args").fields().forEachRemaining(e -> named.put(e.getKey(), ex.read(e.getValue())));
        }
        return run(session, op.get("text").asText(), named, ex.list(op.get("posArgs")));
    }

    private static LogicalPlan local(List<AttributeReference> output, List<Object[]> rows) {
        ColumnVector[] cols = new ColumnVector[output.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = ColumnVectors.allocate(output.get(c).dataType(), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                ColumnVectors.set(cols[c], r, rows.get(r)[c]);
            }
        }
        return new LocalRelation(output, List.of(new ColumnBatch(cols, rows.size())));
    }
}
