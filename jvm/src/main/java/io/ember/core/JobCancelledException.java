package io.ember.core;

/** The job was cancelled (by id, by job group, or because the context stopped). */
public class JobCancelledException extends EmberException {
    public JobCancelledException(String message) {
        super(message);
    }
}
