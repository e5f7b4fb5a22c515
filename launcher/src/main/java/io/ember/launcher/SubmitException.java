package io.ember.launcher;

/** A problem with the command line or the installation, reported to the user as one message. */
public final class SubmitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SubmitException(String message) {
        super(message);
    }
}
