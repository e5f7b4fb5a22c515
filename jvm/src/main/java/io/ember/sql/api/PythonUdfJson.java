package io.ember.sql.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ember.sql.AnalysisException;
import io.ember.sql.expressions.Expression;
import io.ember.sql.expressions.PythonUDF;
import io.ember.sql.types.DdlParser;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the plan protocol's Python UDF call, {@code {"kind":"udf","name":"f","args":[E...],
 * "returnType":"int","func":"<base64>","deterministic":true}} (docs/sql.md), once its
 * arguments are read: the one case the expression reader delegates here
 * ({@code ExprJson}'s {@code case KIND_UDF}).
 */
final class PythonUdfJson {
    private PythonUdfJson() {}

    static PythonUDF read(JsonNode e, List<Expression> args) {
        String name = e.path("name").asText("<lambda>");
        JsonNode func = e.get("func");
        JsonNode returnType = e.get("returnType");
        if (func == null || !func.isTextual() || returnType == null || !returnType.isTextual()) {
            throw new AnalysisException("INVALID_UDF_EXPRESSION", "[INVALID_UDF_EXPRESSION] The Python UDF `" + name
                    + "` needs \"func\" and \"returnType\".", Map.of("name", name));
        }
        byte[] command;
        try {
            command = Base64.getDecoder().decode(func.asText());
        } catch (IllegalArgumentException bad) {
            throw new AnalysisException("INVALID_UDF_EXPRESSION", "[INVALID_UDF_EXPRESSION] The Python UDF `" + name
                    + "` has a command that is not base64: " + bad.getMessage(), Map.of("name", name));
        }
        return new PythonUDF(name, command, DdlParser.parseType(returnType.asText()), args,
                e.path("deterministic").asBoolean(true), e.path("evalType").asInt(PythonUDF.SQL_BATCHED_UDF));
    }
}
