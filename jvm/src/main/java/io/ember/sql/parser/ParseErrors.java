package io.ember.sql.parser;

import io.ember.sql.ParseException;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;

/** Parse errors found while building (a valid token sequence that Spark still rejects), placed at a context's start. */
final class ParseErrors {
    private ParseErrors() {}

    static ParseException at(String sql, ParserRuleContext ctx, String errorClass, String message, String sqlState,
                             Map<String, String> params) {
        return new ParseException(errorClass, message, sqlState, params, sql, ctx.getStart().getStartIndex());
    }

    static ParseException unsupported(String sql, ParserRuleContext ctx, String what) {
        return at(sql, ctx, "UNSUPPORTED_FEATURE", "The feature is not supported: " + what, "0A000",
                Map.of("feature", what));
    }

    static ParseException invalid(String sql, ParserRuleContext ctx, String message) {
        return at(sql, ctx, "INVALID_SQL_SYNTAX", "Invalid SQL syntax: " + message, "42000", Map.of("inputString", message));
    }
}
