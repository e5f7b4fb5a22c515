package io.ember.sql.expressions;

import java.util.Map;

/**
 * A value an expression cannot compute under ANSI mode (a malformed string cast, an overflow),
 * with Spark's error class and parameters; the message starts with the class in brackets, as
 * Spark's runtime errors do. Thrown on executors and carried to the driver by the task failure.
 */
public final class ExpressionEvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorClass;
    private final Map<String, String> messageParameters;

    public ExpressionEvalException(String errorClass, String message, Map<String, String> messageParameters) {
        super("[" + errorClass + "] " + message);
        this.errorClass = errorClass;
        this.messageParameters = Map.copyOf(messageParameters);
    }

    public String getErrorClass() {
        return errorClass;
    }

    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }

    /** Spark's {@code CAST_INVALID_INPUT}. */
    public static ExpressionEvalException invalidInput(Object value, String fromType, String toType) {
        return new ExpressionEvalException("CAST_INVALID_INPUT", "The value '" + value + "' of the type \"" + fromType
                + "\" cannot be cast to \"" + toType + "\" because it is malformed. Correct the value as per the syntax, "
                + "or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead.",
                Map.of("expression", "'" + value + "'", "sourceType", "\"" + fromType + "\"", "targetType", "\"" + toType + "\""));
    }

    /** Spark's {@code CAST_OVERFLOW}. */
    public static ExpressionEvalException overflow(Object value, String fromType, String toType) {
        return new ExpressionEvalException("CAST_OVERFLOW", "The value " + value + " of the type \"" + fromType
                + "\" cannot be cast to \"" + toType + "\" due to an overflow. Use `try_cast` to tolerate overflow and "
                + "return NULL instead.",
                Map.of("value", String.valueOf(value), "sourceType", "\"" + fromType + "\"", "targetType", "\"" + toType + "\""));
    }
}
