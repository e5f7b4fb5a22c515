package io.ember.api;

/**
 * Cancelling running work from outside the application's code (the web UI's kill buttons).
 * Requests are posted to the scheduler and take effect asynchronously; an id that names no
 * active job or stage is ignored. Thread-safe.
 */
public interface JobControl {
    /** Cancels job {@code jobId}; it fails with "Job N cancelled: reason". */
    void cancelJob(int jobId, String reason);

    /** Cancels every active job needing stage {@code stageId}, as Spark's {@code cancelStage}. */
    void cancelStage(int stageId, String reason);

    /** A control that refuses: for plug-ins started without a scheduler (tests). */
    JobControl NONE = new JobControl() {
        @Override
        public void cancelJob(int jobId, String reason) {
            throw new UnsupportedOperationException("no scheduler to cancel job " + jobId);
        }

        @Override
        public void cancelStage(int stageId, String reason) {
            throw new UnsupportedOperationException("no scheduler to cancel stage " + stageId);
        }
    };
}
