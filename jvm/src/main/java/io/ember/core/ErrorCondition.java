package io.ember.core;

import java.util.Map;

/**
 * A failure carrying Spark's error condition (Spark's {@code SparkThrowable}): the error class
 * ({@code DIVIDE_BY_ZERO}), its message parameters, its SQLSTATE and the {@link ErrorKind} that
 * names the Python class it is raised as. Implemented by exceptions thrown on executors; the
 * Python bridge finds it in a failed job's cause chain ({@link #find}) and sends it to the
 * driver, which raises the twin of {@link #errorKind()} with these values.
 */
public interface ErrorCondition {
    /** Spark's error class, such as {@code CAST_INVALID_INPUT}. */
    String getErrorClass();

    /** The values substituted into the error class's message template. */
    Map<String, String> getMessageParameters();

    /** Spark's SQLSTATE of the error class, or null when it has none. */
    String getSqlState();

    /** Which family the failure belongs to (the Python class raised for it). */
    ErrorKind errorKind();

    /** The first throwable in {@code t}'s cause chain that carries a condition, or null. */
    static ErrorCondition find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ErrorCondition c) return c;
        }
        return null;
    }
}
