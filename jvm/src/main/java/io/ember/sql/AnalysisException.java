package io.ember.sql;

import java.util.Map;

/**
 * A query that cannot be analyzed: an unknown column, table or function, a type mismatch, a
 * wrong argument count. Carries Spark's error class ({@code UNRESOLVED_COLUMN.WITH_SUGGESTION})
 * and its message parameters; the message starts with the class in brackets, as Spark's does.
 * Python raises it as {@code ember.errors.AnalysisException}.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorClass;
    private final Map<String, String> messageParameters;

    public AnalysisException(String errorClass, String message, Map<String, String> messageParameters) {
        super("[" + errorClass + "] " + message);
        this.errorClass = errorClass;
        this.messageParameters = Map.copyOf(messageParameters);
    }

    public AnalysisException(String errorClass, String message) {
        this(errorClass, message, Map.of());
    }

    public String getErrorClass() {
        return errorClass;
    }

    public Map<String, String> getMessageParameters() {
        return messageParameters;
    }
}
