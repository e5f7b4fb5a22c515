package io.ember.api;

import io.ember.scheduler.DAGScheduler;

/** {@link JobControl} over the driver's DAG scheduler (requests become scheduler events). Thread-safe. */
final class SchedulerJobControl implements JobControl {
    private final DAGScheduler scheduler;

    SchedulerJobControl(DAGScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void cancelJob(int jobId, String reason) {
        scheduler.cancelJob(jobId, reason);
    }

    @Override
    public void cancelStage(int stageId, String reason) {
        scheduler.cancelStage(stageId, reason);
    }
}
