package io.ember.executor;

import io.ember.scheduler.TaskSchedulerImpl.TaskState;

/** Where an executor reports task status: the local backend, or (cluster) the driver over RPC. */
public interface ExecutorBackend {
    /** {@code data} is a TaskResult for FINISHED, otherwise a TaskEndReason. */
    void statusUpdate(long taskId, TaskState state, Object data);
}
