package io.ember.scheduler;

/** Connects the task scheduler to executors: offers free slots and launches or kills tasks. */
public interface SchedulerBackend {
    void start();

    void stop();

    /** Asks the backend to offer its free slots to the scheduler now. */
    void reviveOffers();

    void killTask(long taskId, String executorId, boolean interruptThread, String reason);

    int defaultParallelism();
}
