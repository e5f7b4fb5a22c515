package io.ember.ui.store;

import io.ember.core.TaskMetric;
import io.ember.core.TaskMetricValues;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import io.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies job, stage and task events to an {@link AppStatusStore}; called by the store under
 * its lock, on the thread delivering events.
 */
final class StageEvents {
    private StageEvents() {}

    static void apply(AppStatusStore store, ListenerEvent event) {
        if (event instanceof ListenerEvent.JobStart j) {
            jobStart(store, j);
        } else if (event instanceof ListenerEvent.JobEnd j) {
            jobEnd(store, j);
        } else if (event instanceof ListenerEvent.StageSubmitted s) {
            LiveStage stage = store.stageFor(s.stage(), descriptionOf(store, s.stage().jobId()));
            stage.info = s.stage();
            stage.status = "ACTIVE";
            stage.submissionTime = s.time();
            addJob(stage, s.stage().jobId());
            for (LiveJob job : jobsOf(store, stage)) {
                job.activeStages.add(stage.info.stageId());
            }
            store.touched(s.time());
        } else if (event instanceof ListenerEvent.StageCompleted s) {
            stageCompleted(store, s);
        } else if (event instanceof ListenerEvent.TaskStart t) {
            taskStart(store, t);
        } else if (event instanceof ListenerEvent.TaskEnd t) {
            taskEnd(store, t);
        }
    }

    private static void jobStart(AppStatusStore store, ListenerEvent.JobStart j) {
        int numTasks = 0;
        String name = "";
        for (StageInfo info : j.stages()) {
            numTasks += info.numTasks();
            if (info.stageId() == j.stageIds().get(0)) { // the result stage comes first
                name = info.name();
            }
            LiveStage stage = store.latestStage(info.stageId());
            if (stage == null) {
                stage = store.stageFor(info, j.description());
            }
            addJob(stage, j.jobId());
        }
        store.putJob(new LiveJob(j.jobId(), name, j.description(), j.time(), j.stageIds(), j.jobGroup(), numTasks));
        store.touched(j.time());
    }

    private static void jobEnd(AppStatusStore store, ListenerEvent.JobEnd j) {
        LiveJob job = store.liveJob(j.jobId());
        if (job == null) {
            return;
        }
        job.completionTime = j.time();
        job.status = j.succeeded() ? "SUCCEEDED" : "FAILED";
        job.errorMessage = j.error() == null ? null : String.valueOf(j.error());
        job.activeStages.clear();
        for (int id : job.stageIds) {
            LiveStage stage = store.latestStage(id);
            if (stage != null && "PENDING".equals(stage.status)) {
                stage.status = "SKIPPED";
            }
        }
        store.touched(j.time());
        store.trimFinished();
    }

    private static void stageCompleted(AppStatusStore store, ListenerEvent.StageCompleted s) {
        LiveStage stage = store.stageFor(s.stage(), descriptionOf(store, s.stage().jobId()));
        stage.completionTime = s.time();
        stage.failureReason = s.failureReason();
        stage.status = s.failureReason() == null ? "COMPLETE" : "FAILED";
        stage.activeTasks = 0;
        for (LiveJob job : jobsOf(store, stage)) {
            job.activeStages.remove(stage.info.stageId());
            (s.failureReason() == null ? job.completedStages : job.failedStages).add(stage.info.stageId());
        }
        store.touched(s.time());
        store.trimFinished();
    }

    private static void taskStart(AppStatusStore store, ListenerEvent.TaskStart t) {
        LiveStage stage = store.liveStage(t.stageId(), t.stageAttempt());
        if (stage == null) {
            return;
        }
        stage.tasks.put(t.taskId(), new LiveTask(t.taskId(), t.partition(), t.attempt(), t.launchTime(),
                t.executorId(), t.host(), t.locality()));
        stage.activeTasks++;
        if (stage.firstTaskLaunchedTime < 0) {
            stage.firstTaskLaunchedTime = t.launchTime();
        }
        LiveExecutor x = store.executor(t.executorId());
        if (x != null) {
            x.activeTasks++;
        }
        for (LiveJob job : jobsOf(store, stage)) {
            job.activeTasks++;
        }
        store.touched(t.launchTime());
    }

    private static void taskEnd(AppStatusStore store, ListenerEvent.TaskEnd t) {
        LiveStage stage = store.liveStage(t.stageId(), t.stageAttempt());
        String status = statusOf(t.reason());
        TaskMetricValues m = t.metrics();
        LiveExecutor x = store.executor(t.executorId());
        if (x != null) {
            x.activeTasks = Math.max(0, x.activeTasks - 1);
            x.totalDuration += t.durationMs();
            x.totalGcTime += m.get(TaskMetric.JVM_GC_TIME);
            x.inputBytes += m.get(TaskMetric.INPUT_BYTES_READ);
            x.shuffleRead += AppStatusStore.shuffleRead(m);
            x.shuffleWrite += m.get(TaskMetric.SHUFFLE_BYTES_WRITTEN);
            if ("SUCCESS".equals(status)) {
                x.completedTasks++;
            } else if ("FAILED".equals(status)) {
                x.failedTasks++;
            }
        }
        if (stage == null) {
            return;
        }
        LiveTask task = stage.tasks.get(t.taskId());
        if (task != null) {
            task.duration = t.durationMs();
            task.status = status;
            task.errorMessage = AppStatusStore.describe(t.reason());
            task.metrics = m;
        }
        stage.activeTasks = Math.max(0, stage.activeTasks - 1);
        stage.metrics = stage.metrics.plus(m);
        boolean newIndex = false;
        switch (status) {
            case "SUCCESS" -> {
                stage.completeTasks++;
                newIndex = stage.completedIndices.add(t.partition());
            }
            case "KILLED" -> stage.killedTasks++;
            default -> stage.failedTasks++;
        }
        for (LiveJob job : jobsOf(store, stage)) {
            job.activeTasks = Math.max(0, job.activeTasks - 1);
            switch (status) {
                case "SUCCESS" -> {
                    job.completedTasks++;
                    if (newIndex) {
                        job.completedIndices.add(((long) t.stageId() << 32) | t.partition());
                    }
                }
                case "KILLED" -> job.killedTasks++;
                default -> job.failedTasks++;
            }
        }
        stage.trimTasks(store.limits().retainedTasks());
        store.touched(t.launchTime() + Math.max(0, t.durationMs()));
    }

    static String statusOf(TaskEndReason reason) {
        if (reason instanceof TaskEndReason.Success) {
            return "SUCCESS";
        }
        return reason instanceof TaskEndReason.TaskKilled ? "KILLED" : "FAILED";
    }

    private static void addJob(LiveStage stage, int jobId) {
        if (jobId >= 0 && !stage.jobIds.contains(jobId)) {
            stage.jobIds.add(jobId);
        }
    }

    /** The retained, unfinished jobs that include {@code stage}. */
    private static List<LiveJob> jobsOf(AppStatusStore store, LiveStage stage) {
        List<LiveJob> out = new ArrayList<>(stage.jobIds.size());
        for (int id : stage.jobIds) {
            LiveJob job = store.liveJob(id);
            if (job != null && !job.finished()) {
                out.add(job);
            }
        }
        return out;
    }

    private static String descriptionOf(AppStatusStore store, int jobId) {
        LiveJob job = store.liveJob(jobId);
        return job == null ? null : job.description;
    }
}
