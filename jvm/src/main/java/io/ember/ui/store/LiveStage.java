package io.ember.ui.store;

import io.ember.core.TaskMetricValues;
import io.ember.scheduler.StageInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A stage attempt's mutable state and its retained tasks inside the store; guarded by the store's lock. */
final class LiveStage {
    /** The latest snapshot the scheduler posted (the submitted one replaces the job's pending one). */
    StageInfo info;
    final String description;
    final List<Integer> jobIds = new ArrayList<>();
    String status = "PENDING";
    long submissionTime = -1;
    long firstTaskLaunchedTime = -1;
    long completionTime = -1;
    String failureReason;
    int activeTasks;
    int completeTasks;
    int failedTasks;
    int killedTasks;
    final Set<Integer> completedIndices = new HashSet<>();
    TaskMetricValues metrics = TaskMetricValues.EMPTY;
    /** Retained tasks in launch order; the oldest finished ones go first when over the cap. */
    final Map<Long, LiveTask> tasks = new LinkedHashMap<>();

    LiveStage(StageInfo info, String description) {
        this.info = info;
        this.description = description;
    }

    boolean finished() {
        return completionTime >= 0 || "SKIPPED".equals(status);
    }

    /** Drops finished tasks, oldest first, until at most {@code cap} remain (running ones stay). */
    void trimTasks(int cap) {
        Iterator<LiveTask> it = tasks.values().iterator();
        while (tasks.size() > cap && it.hasNext()) {
            if (it.next().finished()) {
                it.remove();
            }
        }
    }

    StageData snapshot() {
        return new StageData(status, info.stageId(), info.attempt(), info.numTasks(), activeTasks, completeTasks,
                failedTasks, killedTasks, completedIndices.size(), submissionTime, firstTaskLaunchedTime,
                completionTime, failureReason, metrics, info.name(), description, List.copyOf(jobIds),
                info.parentIds(), info.rdds());
    }
}
