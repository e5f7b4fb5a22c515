package io.ember.scheduler;

/**
 * Runs task sets on executors, retrying failed tasks, and reports every task end to the DAG
 * scheduler. Implementations: {@link TaskSchedulerImpl}; tests use a recording double.
 */
public interface TaskScheduler {
    void submitTasks(TaskSet taskSet);

    /** Stops all attempts of a stage, killing its running tasks. */
    void cancelTasks(int stageId, boolean interruptThread);

    int defaultParallelism();
}
