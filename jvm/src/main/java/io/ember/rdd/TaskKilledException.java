package io.ember.rdd;

import io.ember.core.EmberException;

/** Thrown inside a task that was asked to stop (job cancelled). */
public class TaskKilledException extends EmberException {
    public TaskKilledException(String reason) {
        super("Task killed: " + reason);
    }
}
