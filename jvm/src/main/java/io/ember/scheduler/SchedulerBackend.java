package io.ember.scheduler;

/** Connects the task scheduler to executors: offers free slots and launches or kills tasks. */
public interface SchedulerBackend {
    void start();

    void stop();

    /** Asks the backend to offer its free slots to the scheduler now. */
    void reviveOffers();

    void killTask(long taskId, String executorId, boolean interruptThread, String reason);

    int defaultParallelism();

    /** Creates a backend for a task scheduler that is being constructed. */
    interface Factory {
        /**
         * The backend keeps {@code scheduler}'s roles. It may start and offer slots at once (the
         * scheduler has no tasks before its construction ends).
         */
        SchedulerBackend create(SchedulerRoles scheduler);
    }
}
