package io.ember.scheduler;

/** A task attempt placed on an executor. */
public record TaskDescription(long taskId, int attemptNumber, String executorId, Task task) {}
