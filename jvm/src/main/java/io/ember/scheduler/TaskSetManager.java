package io.ember.scheduler;

import io.ember.core.TaskFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Schedules the tasks of one task set: picks tasks for offered slots (preferring tasks whose
 * data the executor holds, waiting up to the locality wait before running them elsewhere),
 * retries failed tasks and gives up after {@code maxFailures} failed attempts of one task
 * (attempts that ended because their executor was lost or killed do not count).
 * Pure decisions, no threads; the task scheduler calls it under its lock.
 */
final class TaskSetManager {
    final TaskSet taskSet;
    private final int maxFailures;
    private final long localityWaitMs;
    private final int[] failures;
    private final int[] attempts;
    private final boolean[] succeeded;
    private final LinkedList<Integer> pending = new LinkedList<>();
    final Map<Long, Integer> runningTasks = new HashMap<>();
    private final Map<Long, String> runningOn = new HashMap<>();
    private int numSucceeded;
    private long lastLaunchMs;
    boolean zombie;

    TaskSetManager(TaskSet taskSet, int maxFailures, long localityWaitMs, long nowMs) {
        this.taskSet = taskSet;
        this.maxFailures = maxFailures;
        this.localityWaitMs = localityWaitMs;
        int n = taskSet.tasks().size();
        this.failures = new int[n];
        this.attempts = new int[n];
        this.succeeded = new boolean[n];
        for (int i = 0; i < n; i++) {
            pending.add(i);
        }
        this.lastLaunchMs = nowMs;
    }

    /** A task to run on this executor, or -1: local tasks first, others after the locality wait. */
    int pickTask(String executorId, String host, long nowMs) {
        if (zombie) {
            return -1;
        }
        boolean waitedEnough = nowMs - lastLaunchMs >= localityWaitMs;
        Iterator<Integer> it = pending.iterator();
        int fallback = -1;
        while (it.hasNext()) {
            int i = it.next();
            List<String> prefs = taskSet.tasks().get(i).preferredLocations();
            if (prefs.isEmpty() || prefs.contains(executorId) || prefs.contains(host)) {
                it.remove();
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        if (fallback >= 0 && waitedEnough) {
            pending.remove(Integer.valueOf(fallback));
            return fallback;
        }
        return -1;
    }

    TaskDescription launch(int index, long taskId, String executorId, long nowMs) {
        runningTasks.put(taskId, index);
        runningOn.put(taskId, executorId);
        lastLaunchMs = nowMs;
        return new TaskDescription(taskId, attempts[index]++, executorId, taskSet.tasks().get(index));
    }

    boolean hasPending() {
        return !zombie && !pending.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    Task task(long taskId) {
        Integer index = runningTasks.get(taskId);
        return index == null ? null : taskSet.tasks().get(index);
    }

    int attemptOf(long taskId) {
        Integer index = runningTasks.get(taskId);
        return index == null ? 0 : attempts[index] - 1;
    }

    /** Records a success; returns false when it is a duplicate to ignore. */
    boolean succeeded(long taskId) {
        Integer index = runningTasks.remove(taskId);
        runningOn.remove(taskId);
        if (index == null || succeeded[index]) {
            return false;
        }
        succeeded[index] = true;
        numSucceeded++;
        return true;
    }

    /**
     * Records a failure. Returns the error that aborts the task set when the task is out of
     * attempts, otherwise null (the task is queued again unless the set is a zombie).
     */
    TaskFailedException failed(long taskId, TaskEndReason reason) {
        Integer index = runningTasks.remove(taskId);
        runningOn.remove(taskId);
        if (index == null || succeeded[index]) {
            return null;
        }
        if (reason instanceof TaskEndReason.FetchFailed) {
            zombie = true;
            return null;
        }
        if (reason instanceof TaskEndReason.ExceptionFailure ef) {
            failures[index]++;
            if (failures[index] >= maxFailures) {
                zombie = true;
                return new TaskFailedException(taskSet.stageId(), taskSet.tasks().get(index).partitionId(),
                        failures[index], ef.error());
            }
        }
        if (!zombie) {
            pending.addFirst(index);
        }
        return null;
    }

    boolean isFinished() {
        return numSucceeded == succeeded.length || (zombie && runningTasks.isEmpty());
    }

    List<Long> runningTaskIds() {
        return new ArrayList<>(runningTasks.keySet());
    }

    String executorOf(long taskId) {
        return runningOn.get(taskId);
    }

    /** The running tasks placed on an executor (failed with ExecutorLost when it goes away). */
    List<Long> runningTasksOn(String executorId) {
        List<Long> ids = new ArrayList<>();
        runningOn.forEach((id, exec) -> {
            if (exec.equals(executorId)) {
                ids.add(id);
            }
        });
        return ids;
    }
}
