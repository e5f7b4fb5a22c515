package io.ember.scheduler;

/** Scheduler events delivered to listeners, in order, on the listener bus thread. */
public sealed interface ListenerEvent {
    /** {@code jobGroup} is the job's group id (from the submitting thread's properties), or null. */
    record JobStart(int jobId, long time, java.util.List<Integer> stageIds, String jobGroup) implements ListenerEvent {}

    record JobEnd(int jobId, long time, boolean succeeded, Throwable error) implements ListenerEvent {}

    record StageSubmitted(StageInfo stage, long time) implements ListenerEvent {}

    record StageCompleted(StageInfo stage, long time, String failureReason) implements ListenerEvent {}

    record TaskStart(int stageId, int stageAttempt, int partition, long taskId, int attempt, String executorId)
            implements ListenerEvent {}

    record TaskEnd(int stageId, int stageAttempt, int partition, long taskId, int attempt, TaskEndReason reason,
                   long durationMs) implements ListenerEvent {}

    /** An executor's heartbeat: its running tasks' metrics and its JVM's heap in use. */
    record ExecutorMetricsUpdate(String executorId, java.util.List<TaskProgress> running, long heapUsedBytes)
            implements ListenerEvent {}
}
