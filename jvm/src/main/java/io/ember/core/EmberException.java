package io.ember.core;

/** Root of Ember's exception family; the Python client mirrors these by name. */
public class EmberException extends RuntimeException {
    public EmberException(String message) {
        super(message);
    }

    public EmberException(String message, Throwable cause) {
        super(message, cause);
    }
}
