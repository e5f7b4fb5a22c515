package io.ember.scheduler;

import io.ember.core.Accumulator;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskFunction;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/** Immutable events posted to the DAG scheduler's event thread. */
sealed interface DAGSchedulerEvent {
    record JobSubmitted(int jobId, RDD<?> rdd, TaskFunction<?, ?> func, int[] partitions, JobListener listener,
                        Properties properties) implements DAGSchedulerEvent {}

    record TaskCompleted(Task task, TaskEndReason reason, Object result, List<Accumulator<?, ?>> accumUpdates)
            implements DAGSchedulerEvent {}

    record TaskSetFailed(int stageId, int stageAttempt, Throwable error) implements DAGSchedulerEvent {}

    record JobCancelled(int jobId, String reason) implements DAGSchedulerEvent {}

    record JobGroupCancelled(String groupId) implements DAGSchedulerEvent {}

    /** Every active job that needs the stage is cancelled (Spark's cancelStage). */
    record StageCancelled(int stageId, String reason) implements DAGSchedulerEvent {}

    /** {@code failure} null: cancelled by the user; else every job fails with that message. */
    record AllJobsCancelled(String failure) implements DAGSchedulerEvent {}

    record ResubmitFailedStages() implements DAGSchedulerEvent {}

    record ExecutorLost(String executorId) implements DAGSchedulerEvent {}

    /** No RDD references the shuffle any more: forget it, then run {@code removeFiles}. */
    record ShuffleCleaned(int shuffleId, Runnable removeFiles) implements DAGSchedulerEvent {}

    /** Asks for the scheduler's state sizes (monitoring and tests). */
    record SizesRequested(CompletableFuture<DAGScheduler.Sizes> reply) implements DAGSchedulerEvent {}

    record Stop() implements DAGSchedulerEvent {}
}
