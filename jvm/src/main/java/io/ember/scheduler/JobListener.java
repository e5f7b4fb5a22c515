package io.ember.scheduler;

/** Receives a job's results as its tasks finish, and its end; called on the scheduler thread. */
public interface JobListener {
    void taskSucceeded(int outputId, Object result);

    void jobFailed(Throwable error);
}
