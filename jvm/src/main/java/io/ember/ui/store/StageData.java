package io.ember.ui.store;

import io.ember.core.TaskMetricValues;
import io.ember.scheduler.StageInfo;
import java.util.List;

/**
 * One stage attempt's state, in Spark's REST fields: {@code status} is ACTIVE, COMPLETE,
 * FAILED, PENDING or SKIPPED; {@code metrics} sums its finished tasks' counters; times are epoch
 * milliseconds, -1 when not yet known. Immutable snapshot.
 */
public record StageData(String status, int stageId, int attemptId, int numTasks, int numActiveTasks,
                        int numCompleteTasks, int numFailedTasks, int numKilledTasks, int numCompletedIndices,
                        long submissionTime, long firstTaskLaunchedTime, long completionTime, String failureReason,
                        TaskMetricValues metrics, String name, String description, List<Integer> jobIds,
                        List<Integer> parentIds, List<StageInfo.RddInfo> rdds) {}
