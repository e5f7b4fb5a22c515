package io.ember.sql.expressions;

import io.ember.sql.AnalysisException;
import io.ember.sql.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link Expression#checkInputDataTypes()}: success, or a mismatch with Spark's
 * error sub-class ({@code BINARY_OP_DIFF_TYPES}, {@code UNEXPECTED_INPUT_TYPE}, ...), message and
 * parameters. The analyzer's final check raises {@link #toException} for the first failure.
 */
public record TypeCheckResult(String subClass, String message, Map<String, String> parameters) {
    private static final TypeCheckResult SUCCESS = new TypeCheckResult(null, null, Map.of());

    public static TypeCheckResult success() {
        return SUCCESS;
    }

    public static TypeCheckResult mismatch(String subClass, String message, Map<String, String> parameters) {
        return new TypeCheckResult(subClass, message, parameters);
    }

    public boolean isSuccess() {
        return subClass == null;
    }

    /** Spark's {@code [DATATYPE_MISMATCH.X] Cannot resolve "e" due to data type mismatch: ...}. */
    public AnalysisException toException(Expression e) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("sqlExpr", quote(e.sql()));
        params.putAll(parameters);
        return new AnalysisException("DATATYPE_MISMATCH." + subClass,
                "Cannot resolve " + quote(e.sql()) + " due to data type mismatch: " + message + ".", params);
    }

    /** Spark's quoting of a type or expression in messages: {@code "INT"}. */
    public static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** A type as Spark's messages show it: {@code "INT"}, {@code "DECIMAL(10,2)"}, {@code "ARRAY<STRING>"}. */
    public static String quoteType(DataType t) {
        return quote(SqlTypes.sqlName(t));
    }

    /** The ordinal words Spark uses for parameters: first, second, ... */
    public static String ordinal(int i) {
        String[] words = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
        return i < words.length ? words[i] : (i + 1) + "th";
    }
}
