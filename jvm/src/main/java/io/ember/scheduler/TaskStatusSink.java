package io.ember.scheduler;

/**
 * Where a task's end is reported, once per attempt: an executor reports to its backend, a
 * backend to the task scheduler. Called from task threads, RPC threads and timers;
 * implementations are thread-safe.
 */
public interface TaskStatusSink {
    /** The attempt {@code taskId} ended with {@code outcome}. */
    void statusUpdate(long taskId, TaskOutcome outcome);
}
