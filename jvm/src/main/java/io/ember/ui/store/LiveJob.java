package io.ember.ui.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A job's mutable state inside the store; guarded by the store's lock. */
final class LiveJob {
    final int jobId;
    final String name;
    final String description;
    final long submissionTime;
    final List<Integer> stageIds;
    final String jobGroup;
    final int numTasks;
    long completionTime = -1;
    String status = "RUNNING";
    String errorMessage;
    int activeTasks;
    int completedTasks;
    int failedTasks;
    int killedTasks;
    /** (stage id, partition) pairs that succeeded, as {@code stageId << 32 | partition}. */
    final Set<Long> completedIndices = new HashSet<>();
    final Set<Integer> activeStages = new HashSet<>();
    final Set<Integer> completedStages = new HashSet<>();
    final Set<Integer> failedStages = new HashSet<>();

    LiveJob(int jobId, String name, String description, long submissionTime, List<Integer> stageIds, String jobGroup,
            int numTasks) {
        this.jobId = jobId;
        this.name = name;
        this.description = description;
        this.submissionTime = submissionTime;
        this.stageIds = List.copyOf(stageIds);
        this.jobGroup = jobGroup;
        this.numTasks = numTasks;
    }

    boolean finished() {
        return completionTime >= 0;
    }

    /** Stages the job listed but never ran (their output was reused) count as skipped once it ends. */
    JobData snapshot() {
        int skippedStages = finished() ? stageIds.size() - completedStages.size() - failedStages.size() : 0;
        int skippedTasks = finished() && "SUCCEEDED".equals(status) ? numTasks - completedIndices.size() : 0;
        return new JobData(jobId, name, description, submissionTime, completionTime, stageIds, jobGroup, status,
                numTasks, activeTasks, completedTasks, Math.max(0, skippedTasks), failedTasks, killedTasks,
                completedIndices.size(), activeStages.size(), completedStages.size(), Math.max(0, skippedStages),
                failedStages.size(), errorMessage);
    }
}
