package io.ember.scheduler;

import io.ember.core.Accumulator;
import java.util.List;

/**
 * What the task scheduler reports to the DAG scheduler: task ends, task sets given up on, lost
 * executors. Implementations only record the report (the DAG scheduler posts it to its event
 * thread), so any thread may call them, and they never call back into the task scheduler.
 */
public interface TaskEndListener {
    /** A task attempt ended; {@code result} and {@code updates} are set only for {@link TaskEndReason.Success}. */
    void taskEnded(Task task, TaskEndReason reason, Object result, List<Accumulator<?, ?>> updates);

    /** A task failed too often: the stage attempt's job fails with {@code error}. */
    void taskSetFailed(int stageId, int stageAttempt, Throwable error);

    /** An executor went away with the map outputs and cached blocks it held. */
    void executorLost(String executorId);

    /** Fails every active job with {@code reason} (the cluster cannot run them). */
    void failAllJobs(String reason);
}
