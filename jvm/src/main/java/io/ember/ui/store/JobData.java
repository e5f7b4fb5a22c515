package io.ember.ui.store;

import java.util.List;

/**
 * A job's state, in Spark's REST fields. {@code status} is RUNNING, SUCCEEDED, FAILED or
 * UNKNOWN; times are epoch milliseconds, -1 when not yet known. Immutable snapshot.
 */
public record JobData(int jobId, String name, String description, long submissionTime, long completionTime,
                      List<Integer> stageIds, String jobGroup, String status, int numTasks, int numActiveTasks,
                      int numCompletedTasks, int numSkippedTasks, int numFailedTasks, int numKilledTasks,
                      int numCompletedIndices, int numActiveStages, int numCompletedStages, int numSkippedStages,
                      int numFailedStages, String errorMessage) {}
