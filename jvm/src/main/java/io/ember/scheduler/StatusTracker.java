package io.ember.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of recent jobs and stages (Spark's status tracker), built from listener
 * events. Events arrive on the listener bus thread, so the view lags the scheduler slightly;
 * queries come from any thread. Both synchronize on this. Keeps the last {@link #RETAINED}
 * jobs and stages.
 */
public final class StatusTracker implements EmberListener {
    static final int RETAINED = 1000;

    /** A job: its stages, status (RUNNING, SUCCEEDED, FAILED) and job group (or null). */
    public record JobStatus(int jobId, int[] stageIds, String status, String jobGroup) {}

    /** A stage attempt's task counts. */
    public record StageStatus(int stageId, int attempt, String name, int numTasks, int numActiveTasks,
                              int numCompletedTasks, int numFailedTasks, boolean active) {}

    private final Map<Integer, JobStatus> jobs = retained();
    private final Map<Integer, StageStatus> stages = retained();

    private static <V> Map<Integer, V> retained() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, V> eldest) {
                return size() > RETAINED;
            }
        };
    }

    @Override
    public synchronized void onEvent(ListenerEvent e) {
        if (e instanceof ListenerEvent.JobStart s) {
            int[] ids = s.stageIds().stream().mapToInt(Integer::intValue).toArray();
            jobs.put(s.jobId(), new JobStatus(s.jobId(), ids, "RUNNING", s.jobGroup()));
        } else if (e instanceof ListenerEvent.JobEnd end) {
            JobStatus j = jobs.get(end.jobId());
            if (j != null) {
                jobs.put(j.jobId(), new JobStatus(j.jobId(), j.stageIds(), end.succeeded() ? "SUCCEEDED" : "FAILED",
                        j.jobGroup()));
            }
        } else if (e instanceof ListenerEvent.StageSubmitted s) {
            StageInfo i = s.stage();
            stages.put(i.stageId(), new StageStatus(i.stageId(), i.attempt(), i.name(), i.numTasks(), 0, 0, 0, true));
        } else if (e instanceof ListenerEvent.StageCompleted c) {
            StageStatus s = stages.get(c.stage().stageId());
            if (s != null) {
                stages.put(s.stageId(), new StageStatus(s.stageId(), s.attempt(), s.name(), s.numTasks(), 0,
                        s.numCompletedTasks(), s.numFailedTasks(), false));
            }
        } else if (e instanceof ListenerEvent.TaskStart t) {
            update(t.stageId(), t.stageAttempt(), 1, 0, 0);
        } else if (e instanceof ListenerEvent.TaskEnd t) {
            boolean ok = t.reason() instanceof TaskEndReason.Success;
            update(t.stageId(), t.stageAttempt(), -1, ok ? 1 : 0, ok ? 0 : 1);
        }
    }

    private void update(int stageId, int attempt, int active, int completed, int failed) {
        StageStatus s = stages.get(stageId);
        if (s != null && s.attempt() == attempt) {
            stages.put(stageId, new StageStatus(stageId, attempt, s.name(), s.numTasks(),
                    Math.max(0, s.numActiveTasks() + active), s.numCompletedTasks() + completed,
                    s.numFailedTasks() + failed, s.active()));
        }
    }

    /** Ids of the known jobs in {@code jobGroup} (null: jobs without a group), oldest first. */
    public synchronized int[] getJobIdsForGroup(String jobGroup) {
        return jobs.values().stream().filter(j -> Objects.equals(j.jobGroup(), jobGroup))
                .mapToInt(JobStatus::jobId).toArray();
    }

    public synchronized int[] getActiveJobIds() {
        return jobs.values().stream().filter(j -> j.status().equals("RUNNING")).mapToInt(JobStatus::jobId).toArray();
    }

    public synchronized int[] getActiveStageIds() {
        List<Integer> ids = new ArrayList<>();
        stages.values().stream().filter(StageStatus::active).forEach(s -> ids.add(s.stageId()));
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The job, or null if it is unknown (never ran, or no longer retained). */
    public synchronized JobStatus getJobInfo(int jobId) {
        return jobs.get(jobId);
    }

    /** The stage's latest attempt, or null if it is unknown. */
    public synchronized StageStatus getStageInfo(int stageId) {
        return stages.get(stageId);
    }
}
