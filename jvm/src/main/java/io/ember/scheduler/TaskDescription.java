package io.ember.scheduler;

import java.io.Serializable;

/** A task attempt placed on an executor; Java-serialized when the executor is remote. */
public record TaskDescription(long taskId, int attemptNumber, String executorId, Task task) implements Serializable {}
