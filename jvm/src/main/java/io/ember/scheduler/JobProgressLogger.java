package io.ember.scheduler;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each job, stage and task starting and ending at INFO, with ids, task counts and
 * durations, as Spark's scheduler does: what {@code setLogLevel("INFO")} shows. The lines go
 * through the engine's SLF4J backend, so the level can change while jobs run.
 *
 * <p>Threading: called on the listener bus thread only (never concurrently), so its maps need
 * no locks. Each entry is removed when its job, stage or task ends.
 */
public final class JobProgressLogger implements EmberListener {
    private static final Logger LOG = LoggerFactory.getLogger(JobProgressLogger.class);

    /** A submitted stage attempt: when it started and how many of its tasks have finished. */
    private static final class StageRun {
        final long submitted;
        final int numTasks;
        int finished;

        StageRun(long submitted, int numTasks) {
            this.submitted = submitted;
            this.numTasks = numTasks;
        }
    }

    private record StageKey(int stageId, int attempt) {}

    private final Map<Integer, Long> jobStarts = new HashMap<>();
    private final Map<StageKey, StageRun> stages = new HashMap<>();
    /** Running tasks' executors, kept only while INFO is on (the end line names the executor). */
    private final Map<Long, String> taskExecutors = new HashMap<>();

    @Override
    public void onEvent(ListenerEvent event) {
        if (event instanceof ListenerEvent.JobStart s) {
            jobStarts.put(s.jobId(), s.time());
            LOG.info("Job {} started with stages {}{}", s.jobId(), s.stageIds(),
                    s.jobGroup() == null ? "" : " (group " + s.jobGroup() + ")");
        } else if (event instanceof ListenerEvent.JobEnd e) {
            Long start = jobStarts.remove(e.jobId());
            if (LOG.isInfoEnabled()) {
                LOG.info("Job {} {}, took {}{}", e.jobId(), e.succeeded() ? "finished" : "failed", seconds(start, e.time()),
                        e.succeeded() || e.error() == null ? "" : ": " + e.error().getMessage());
            }
        } else if (event instanceof ListenerEvent.StageSubmitted s) {
            StageInfo i = s.stage();
            stages.put(new StageKey(i.stageId(), i.attempt()), new StageRun(s.time(), i.numTasks()));
            LOG.info("Submitting stage {}.{} ({}) of job {} with {} tasks", i.stageId(), i.attempt(), i.name(), i.jobId(),
                    i.numTasks());
        } else if (event instanceof ListenerEvent.StageCompleted c) {
            StageInfo i = c.stage();
            StageRun run = stages.remove(new StageKey(i.stageId(), i.attempt()));
            if (LOG.isInfoEnabled()) {
                String took = seconds(run == null ? null : run.submitted, c.time());
                if (c.failureReason() == null) {
                    LOG.info("Stage {}.{} ({}) finished in {}", i.stageId(), i.attempt(), i.name(), took);
                } else {
                    LOG.info("Stage {}.{} ({}) failed in {}: {}", i.stageId(), i.attempt(), i.name(), took,
                            c.failureReason());
                }
            }
        } else if (event instanceof ListenerEvent.TaskStart t) {
            if (LOG.isInfoEnabled()) {
                taskExecutors.put(t.taskId(), t.executorId());
                LOG.info("Starting task {}.{} in stage {}.{} (TID {}) on executor {}", t.partition(), t.attempt(),
                        t.stageId(), t.stageAttempt(), t.taskId(), t.executorId());
            }
        } else if (event instanceof ListenerEvent.TaskEnd t) {
            taskEnded(t);
        }
    }

    private void taskEnded(ListenerEvent.TaskEnd t) {
        String executor = taskExecutors.remove(t.taskId());
        StageRun run = stages.get(new StageKey(t.stageId(), t.stageAttempt()));
        boolean success = t.reason() instanceof TaskEndReason.Success;
        if (run != null && success) {
            run.finished++;
        }
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String where = executor == null ? "" : " on executor " + executor;
        if (success) {
            LOG.info("Finished task {}.{} in stage {}.{} (TID {}) in {} ms{}{}", t.partition(), t.attempt(), t.stageId(),
                    t.stageAttempt(), t.taskId(), t.durationMs(), where,
                    run == null ? "" : " (" + run.finished + "/" + run.numTasks + ")");
        } else {
            LOG.info("Lost task {}.{} in stage {}.{} (TID {}) after {} ms{}: {}", t.partition(), t.attempt(),
                    t.stageId(), t.stageAttempt(), t.taskId(), t.durationMs(), where, describe(t.reason()));
        }
    }

    /** Jobs, stages and tasks currently remembered (tests check that ended ones are not). */
    int tracked() {
        return jobStarts.size() + stages.size() + taskExecutors.size();
    }

    private static String describe(TaskEndReason reason) {
        if (reason instanceof TaskEndReason.ExceptionFailure f) {
            return f.error().getClass().getName() + ": " + f.error().getMessage();
        } else if (reason instanceof TaskEndReason.FetchFailed f) {
            return "fetch failed for shuffle " + f.shuffleId() + " (" + f.message() + ")";
        } else if (reason instanceof TaskEndReason.TaskKilled k) {
            return "killed (" + k.reason() + ")";
        } else if (reason instanceof TaskEndReason.ExecutorLost l) {
            return "executor " + l.executorId() + " lost";
        }
        return String.valueOf(reason);
    }

    private static String seconds(Long start, long end) {
        return start == null ? "an unknown time" : String.format(java.util.Locale.ROOT, "%.3f s", (end - start) / 1000.0);
    }
}
