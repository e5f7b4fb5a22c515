package io.ember.scheduler;

import java.io.Serializable;
import java.util.List;

/**
 * Why a task attempt ended; failures cross from executors to the schedulers as these values
 * (Java-serialized when the executor is remote, see {@link SerializedTaskStatus}).
 */
public sealed interface TaskEndReason extends Serializable {
    record Success() implements TaskEndReason {}

    /** The task threw; {@code error} is the original exception (the user's, where it came from user code). */
    record ExceptionFailure(Throwable error) implements TaskEndReason {}

    /** A reduce task could not read map outputs; {@code lostMaps} are the outputs found missing. */
    record FetchFailed(int shuffleId, int mapId, List<Integer> lostMaps, int reduceId, String message)
            implements TaskEndReason {}

    record TaskKilled(String reason) implements TaskEndReason {}

    /** The executor running the task went away; does not count toward the task's failures. */
    record ExecutorLost(String executorId) implements TaskEndReason {}
}
