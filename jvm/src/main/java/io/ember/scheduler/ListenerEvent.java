package io.ember.scheduler;

import io.ember.core.TaskMetricValues;
import java.util.List;
import java.util.Map;

/**
 * Scheduler and application events delivered to listeners, in order, on the listener bus
 * thread. They are the only input of the UI's status store and the event log, so every fact a
 * status page shows travels in one of them. Records with older, shorter constructors keep
 * those for callers (tests) that do not know the later fields.
 */
public sealed interface ListenerEvent {
    /** The application started: the first event of an event log. */
    record ApplicationStart(String appId, String appName, long time, String user, String version)
            implements ListenerEvent {}

    /** The application stopped cleanly; a log without this event is shown as incomplete. */
    record ApplicationEnd(long time) implements ListenerEvent {}

    /**
     * The application's settings and runtime, by section: {@code runtime} (javaVersion,
     * javaHome, pythonVersion, ...), {@code sparkProperties}, {@code systemProperties},
     * {@code classpathEntries}. Secret values are already redacted.
     */
    record EnvironmentUpdate(Map<String, Map<String, String>> sections) implements ListenerEvent {}

    /**
     * An executor joined, with its task slots; {@code logUrls} maps a log's name ("stdout",
     * "stderr") to where its worker serves it, empty when nothing serves them (local mode).
     */
    record ExecutorAdded(String executorId, String host, int cores, long time, Map<String, String> logUrls)
            implements ListenerEvent {
        public ExecutorAdded {
            logUrls = logUrls == null ? Map.of() : Map.copyOf(logUrls);
        }

        /** An executor whose logs nothing serves. */
        public ExecutorAdded(String executorId, String host, int cores, long time) {
            this(executorId, host, cores, time, Map.of());
        }
    }

    /** An executor went away; {@code reason} says why (shown on the executors page). */
    record ExecutorRemoved(String executorId, long time, String reason) implements ListenerEvent {}

    /**
     * {@code jobGroup} is the job's group id (from the submitting thread's properties), or null;
     * {@code description} the job's description property, or null; {@code stages} every stage
     * the job needs, including those whose output is reused (skipped).
     */
    record JobStart(int jobId, long time, List<Integer> stageIds, String jobGroup, String description,
                    List<StageInfo> stages, Map<String, String> properties) implements ListenerEvent {
        /**
         * {@code properties} are the submitting thread's local properties (Spark's
         * {@code SparkListenerJobStart.properties}; {@code spark.sql.execution.id} ties the job to
         * its SQL query).
         */
        public JobStart {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        public JobStart(int jobId, long time, List<Integer> stageIds, String jobGroup, String description,
                        List<StageInfo> stages) {
            this(jobId, time, stageIds, jobGroup, description, stages, Map.of());
        }

        public JobStart(int jobId, long time, List<Integer> stageIds, String jobGroup) {
            this(jobId, time, stageIds, jobGroup, null, List.of());
        }
    }

    record JobEnd(int jobId, long time, boolean succeeded, Throwable error) implements ListenerEvent {}

    record StageSubmitted(StageInfo stage, long time) implements ListenerEvent {}

    record StageCompleted(StageInfo stage, long time, String failureReason) implements ListenerEvent {}

    /** {@code locality} is Spark's name for how close the task ran to its data (PROCESS_LOCAL, ...). */
    record TaskStart(int stageId, int stageAttempt, int partition, long taskId, int attempt, String executorId,
                     long launchTime, String host, String locality) implements ListenerEvent {
        public TaskStart(int stageId, int stageAttempt, int partition, long taskId, int attempt, String executorId) {
            this(stageId, stageAttempt, partition, taskId, attempt, executorId, 0L, null, "PROCESS_LOCAL");
        }
    }

    /** {@code metrics} are the counters the executor reported (empty for a lost executor's task). */
    record TaskEnd(int stageId, int stageAttempt, int partition, long taskId, int attempt, TaskEndReason reason,
                   long durationMs, String executorId, long launchTime, TaskMetricValues metrics)
            implements ListenerEvent {
        public TaskEnd {
            metrics = metrics == null ? TaskMetricValues.EMPTY : metrics;
        }

        public TaskEnd(int stageId, int stageAttempt, int partition, long taskId, int attempt, TaskEndReason reason,
                       long durationMs) {
            this(stageId, stageAttempt, partition, taskId, attempt, reason, durationMs, null, 0L,
                    TaskMetricValues.EMPTY);
        }
    }

    /**
     * A cached RDD partition changed on an executor: {@code storageLevel} is Spark's description
     * of how it is held now ("None" with both sizes 0 once it is gone).
     */
    record BlockUpdated(String executorId, int rddId, int partition, String storageLevel, long memorySize,
                        long diskSize) implements ListenerEvent {}

    /**
     * An executor's heartbeat: its running tasks' metrics, its JVM's heap in use, its block
     * manager's memory budget (Spark's {@code maxMemory}) and its live Python worker processes.
     */
    record ExecutorMetricsUpdate(String executorId, List<TaskProgress> running, long heapUsedBytes,
                                 long maxStorageMemory, int pythonWorkers) implements ListenerEvent {}

    /**
     * An event of a higher layer (SQL executions), as Spark's events outside core: the bus and
     * the event log carry it; listeners that do not know it ignore it.
     */
    non-sealed interface Extension extends ListenerEvent {}
}
