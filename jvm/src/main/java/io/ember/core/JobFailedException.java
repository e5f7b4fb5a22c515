package io.ember.core;

/** A job that could not complete; the cause is the original failure (e.g. the user's exception). */
public class JobFailedException extends EmberException {
    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
