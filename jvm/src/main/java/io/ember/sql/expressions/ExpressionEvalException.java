package io.ember.sql.expressions;

import io.ember.core.ErrorCondition;
import io.ember.core.ErrorKind;
import java.util.Map;

/**
 * A value an expression cannot compute under ANSI mode (a malformed string cast, an overflow),
 * with Spark's error class and parameters; the message starts with the class in brackets, as
 * Spark's runtime errors do. Thrown on executors and carried to the driver by the task failure;
 * as an {@link ErrorCondition} its SQLSTATE and kind come from {@link RuntimeErrorClasses} unless
 * the thrower names the kind (a malformed cast's kind depends on its target type, as Spark's).
 */
public final class ExpressionEvalException extends RuntimeException implements ErrorCondition {
    private static final long serialVersionUID = 1L;

    private final String errorClass;
    private final Map<String, String> messageParameters;
    private final ErrorKind kind;

    public ExpressionEvalException(String errorClass, String message, Map<String, String> messageParameters) {
        this(errorClass, message, messageParameters, RuntimeErrorClasses.kind(errorClass));
    }

    public ExpressionEvalException(String errorClass, String message, Map<String, String> messageParameters,
            ErrorKind kind) {
        super("[" + errorClass + "] " + message);
        this.errorClass = errorClass;
        this.messageParameters = Map.copyOf(messageParameters);
        this.kind = kind;
    }

    @Override
    public String getErrorClass() {
        return errorClass;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }

    @Override
    public String getSqlState() {
        return RuntimeErrorClasses.sqlState(errorClass);
    }

    @Override
    public ErrorKind errorKind() {
        return kind;
    }

    /**
     * Spark's {@code CAST_INVALID_INPUT}: a {@code NumberFormatException} for numeric targets, a
     * {@code DateTimeException} for dates and timestamps, a {@code SparkRuntimeException} else.
     */
    public static ExpressionEvalException invalidInput(Object value, String fromType, String toType) {
        return new ExpressionEvalException("CAST_INVALID_INPUT", "The value '" + value + "' of the type \"" + fromType
                + "\" cannot be cast to \"" + toType + "\" because it is malformed. Correct the value as per the syntax, "
                + "or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.",
                Map.of("expression", "'" + value + "'", "sourceType", "\"" + fromType + "\"", "targetType", "\"" + toType + "\"",
                        "ansiConfig", "\"spark.sql.ansi.enabled\""), castKind(toType));
    }

    private static ErrorKind castKind(String toType) {
        if (toType.startsWith("DATE") || toType.startsWith("TIMESTAMP") || toType.startsWith("TIME")) {
            return ErrorKind.DATE_TIME;
        }
        return switch (toType.replaceAll("\\(.*", "")) {
            case "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL" -> ErrorKind.NUMBER_FORMAT;
            default -> ErrorKind.RUNTIME;
        };
    }

    /**
     * Spark's {@code ARITHMETIC_OVERFLOW} of an integral result; {@code tryFunction} names the
     * {@code try_} function the message suggests, or is null for none ({@code abs}).
     */
    public static ExpressionEvalException arithmeticOverflow(String tryFunction) {
        String alternative = tryFunction == null ? ""
                : " Use '" + tryFunction + "' to tolerate overflow and return NULL instead.";
        return new ExpressionEvalException("ARITHMETIC_OVERFLOW", "overflow." + alternative + " If necessary set "
                + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                Map.of("message", "overflow", "alternative", alternative, "config", "\"spark.sql.ansi.enabled\""));
    }

    /**
     * Spark's {@code NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION}: {@code value} (written plainly)
     * does not fit {@code decimal(precision, scale)}.
     */
    public static ExpressionEvalException decimalOutOfRange(java.math.BigDecimal value, int precision, int scale) {
        String v = value.toPlainString();
        return new ExpressionEvalException("NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION", " " + v
                + " cannot be represented as Decimal(" + precision + ", " + scale + "). If necessary set "
                + "\"spark.sql.ansi.enabled\" to \"false\" to bypass this error, and return NULL instead.",
                Map.of("value", v, "precision", String.valueOf(precision), "scale", String.valueOf(scale),
                        "config", "\"spark.sql.ansi.enabled\""));
    }

    /** Spark's {@code CAST_OVERFLOW}; the value is written as a SQL literal of its type ({@code 3000000000L}). */
    public static ExpressionEvalException overflow(Object value, String fromType, String toType) {
        String literal = value + literalSuffix(fromType);
        return new ExpressionEvalException("CAST_OVERFLOW", "The value " + literal + " of the type \"" + fromType
                + "\" cannot be cast to \"" + toType + "\" due to an overflow. Use `try_cast` to tolerate overflow and "
                + "return NULL instead.",
                Map.of("value", literal, "sourceType", "\"" + fromType + "\"", "targetType", "\"" + toType + "\"",
                        "ansiConfig", "\"spark.sql.ansi.enabled\""));
    }

    /** The suffix of Spark's SQL literal of a value of {@code sqlType}: {@code L} for BIGINT, ... */
    private static String literalSuffix(String sqlType) {
        if (sqlType.startsWith("DECIMAL")) return "BD";
        return switch (sqlType) {
            case "BIGINT" -> "L";
            case "SMALLINT" -> "S";
            case "TINYINT" -> "Y";
            case "DOUBLE" -> "D";
            default -> "";
        };
    }
}
