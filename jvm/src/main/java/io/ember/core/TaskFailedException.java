package io.ember.core;

/**
 * A task that failed its maximum number of attempts. Names the stage, partition and attempt
 * count; the cause is the exception of the last attempt.
 */
public class TaskFailedException extends EmberException {
    private final int stageId;
    private final int partition;
    private final int attempts;

    public TaskFailedException(int stageId, int partition, int attempts, Throwable cause) {
        super("Task for partition " + partition + " in stage " + stageId + " failed " + attempts
                + (attempts == 1 ? " time" : " times") + "; last failure: " + describe(cause), cause);
        this.stageId = stageId;
        this.partition = partition;
        this.attempts = attempts;
    }

    private static String describe(Throwable t) {
        return t == null ? "unknown" : t.getClass().getName() + ": " + t.getMessage();
    }

    public int stageId() {
        return stageId;
    }

    public int partition() {
        return partition;
    }

    public int attempts() {
        return attempts;
    }
}
