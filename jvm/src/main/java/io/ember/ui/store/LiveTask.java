package io.ember.ui.store;

import io.ember.core.TaskMetricValues;

/** A task attempt's mutable state inside the store; guarded by the store's lock. */
final class LiveTask {
    final long taskId;
    final int partition;
    final int attempt;
    final long launchTime;
    final String executorId;
    final String host;
    final String locality;
    long duration = -1;
    String status = "RUNNING";
    String errorMessage;
    TaskMetricValues metrics = TaskMetricValues.EMPTY;

    LiveTask(long taskId, int partition, int attempt, long launchTime, String executorId, String host,
             String locality) {
        this.taskId = taskId;
        this.partition = partition;
        this.attempt = attempt;
        this.launchTime = launchTime;
        this.executorId = executorId;
        this.host = host;
        this.locality = locality;
    }

    boolean finished() {
        return duration >= 0;
    }

    TaskData snapshot() {
        return new TaskData(taskId, partition, attempt, partition, launchTime, duration, executorId, host, status,
                locality, errorMessage, metrics);
    }
}
