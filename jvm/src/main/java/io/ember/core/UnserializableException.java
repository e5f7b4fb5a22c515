package io.ember.core;

/**
 * Stands in for an exception that could not be serialized (for example one holding a socket),
 * so a remote task's failure still reaches the driver: it keeps the original class name,
 * message and stack trace (frames and text), and its cause chain as text.
 */
public final class UnserializableException extends EmberException {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;
    private final String stackTraceText;

    public UnserializableException(Throwable original) {
        super(original.getClass().getName() + (original.getMessage() == null ? "" : ": " + original.getMessage()));
        this.originalClassName = original.getClass().getName();
        java.io.StringWriter text = new java.io.StringWriter();
        original.printStackTrace(new java.io.PrintWriter(text));
        this.stackTraceText = text.toString();
        setStackTrace(original.getStackTrace());
    }

    /** The class of the exception this stands in for. */
    public String originalClassName() {
        return originalClassName;
    }

    /** The original exception's printed stack trace, causes included. */
    public String stackTraceText() {
        return stackTraceText;
    }
}
