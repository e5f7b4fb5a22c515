package io.ember.python;

import io.ember.core.EmberException;

/** A Python worker process died during a task (signal, os._exit, OOM kill); the task is retried. */
public class PythonWorkerCrashedException extends EmberException {
    private static final long serialVersionUID = 1L;

    public PythonWorkerCrashedException(String message, Throwable cause) {
        super(message, cause);
    }
}
