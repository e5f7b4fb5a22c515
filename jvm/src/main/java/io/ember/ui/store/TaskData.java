package io.ember.ui.store;

import io.ember.core.TaskMetricValues;

/**
 * One task attempt, in Spark's REST fields: {@code status} is RUNNING, SUCCESS, FAILED or
 * KILLED; {@code duration} is -1 while running; {@code errorMessage} is null unless it failed.
 * {@code metrics} are empty until it ends. Immutable snapshot.
 */
public record TaskData(long taskId, int index, int attempt, int partitionId, long launchTime, long duration,
                       String executorId, String host, String status, String taskLocality, String errorMessage,
                       TaskMetricValues metrics) {}
