package io.ember.ui.store;

import io.ember.core.TaskMetric;
import io.ember.scheduler.EmberListener;
import io.ember.scheduler.ListenerEvent;
import io.ember.scheduler.StageInfo;
import io.ember.scheduler.TaskEndReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the UI, the REST API and the history server show, built only from listener events (so
 * a live application and its replayed event log show the same). Bounded: finished jobs, stage
 * attempts, tasks per stage attempt and dead executors beyond {@link StoreLimits} are dropped,
 * oldest first.
 *
 * <h2>Read API</h2>
 * Every read returns immutable snapshots ({@link ApplicationInfo}, {@link JobData},
 * {@link StageData}, {@link TaskData}, {@link ExecutorData}) that stay valid after later events;
 * lists are in Spark's REST order (jobs and stages newest first, tasks in launch order,
 * executors in the order they joined). {@link TaskSummary} computes a stage's quantiles.
 *
 * <p>Threading: events arrive on one thread (the listener bus, or a replaying reader); reads
 * come from HTTP threads. All access is under this object's lock; reads copy.
 */
public final class AppStatusStore implements EmberListener {
    /** A stage attempt's key; orders newest (highest id, then attempt) first. */
    private record StageKey(int stageId, int attempt) {}

    private static final Comparator<StageKey> NEWEST_FIRST = Comparator.comparingInt(StageKey::stageId)
            .thenComparingInt(StageKey::attempt).reversed();

    private final StoreLimits limits;
    private ApplicationInfo app = new ApplicationInfo("", "", -1, -1, -1, "", "", false);
    private final Map<Integer, LiveJob> jobs = new TreeMap<>();
    private final Map<StageKey, LiveStage> stages = new TreeMap<>(NEWEST_FIRST);
    private final Map<String, LiveExecutor> executors = new LinkedHashMap<>();
    private final Map<Integer, LiveRdd> rdds = new TreeMap<>();
    /** The persisted RDDs stages named lately, for naming their blocks (bounded). */
    private final Map<Integer, StageInfo.RddInfo> persistedRdds = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, StageInfo.RddInfo> eldest) {
            return size() > 1000;
        }
    };
    private Map<String, Map<String, String>> environment = Map.of();
    private long lastUpdated = -1;
    private final SqlEvents sql;
    private long eventsSeen;

    public AppStatusStore(StoreLimits limits) {
        this.limits = limits;
        this.sql = new SqlEvents(limits.retainedExecutions());
    }

    // ---- reads ----

    public synchronized ApplicationInfo application() {
        return new ApplicationInfo(app.id(), app.name(), app.startTime(), app.endTime(),
                Math.max(lastUpdated, app.startTime()), app.user(), app.version(), app.completed());
    }

    /** Jobs, newest first. */
    public synchronized List<JobData> jobs() {
        List<JobData> out = new ArrayList<>();
        for (LiveJob j : jobs.values()) {
            out.add(j.snapshot());
        }
        Collections.reverse(out);
        return out;
    }

    public synchronized Optional<JobData> job(int jobId) {
        LiveJob j = jobs.get(jobId);
        return j == null ? Optional.empty() : Optional.of(j.snapshot());
    }

    /** Stage attempts, newest first. */
    public synchronized List<StageData> stages() {
        List<StageData> out = new ArrayList<>();
        for (LiveStage s : stages.values()) {
            out.add(s.snapshot());
        }
        return out;
    }

    /** A stage's attempts, newest first (empty for an unknown stage). */
    public synchronized List<StageData> stageAttempts(int stageId) {
        List<StageData> out = new ArrayList<>();
        stages.forEach((k, s) -> {
            if (k.stageId() == stageId) {
                out.add(s.snapshot());
            }
        });
        return out;
    }

    public synchronized Optional<StageData> stage(int stageId, int attempt) {
        LiveStage s = stages.get(new StageKey(stageId, attempt));
        return s == null ? Optional.empty() : Optional.of(s.snapshot());
    }

    /** A stage attempt's retained tasks in launch order, or empty if the attempt is unknown. */
    public synchronized Optional<List<TaskData>> tasks(int stageId, int attempt) {
        LiveStage s = stages.get(new StageKey(stageId, attempt));
        if (s == null) {
            return Optional.empty();
        }
        List<TaskData> out = new ArrayList<>(s.tasks.size());
        for (LiveTask t : s.tasks.values()) {
            out.add(t.snapshot());
        }
        return Optional.of(out);
    }

    /** Executors in the order they joined; dead ones only when {@code includeDead}. */
    public synchronized List<ExecutorData> executors(boolean includeDead) {
        Map<String, long[]> blocks = new HashMap<>();
        for (LiveRdd r : rdds.values()) {
            for (RddStorageData.Partition p : r.blocks.values()) {
                long[] b = blocks.computeIfAbsent(p.executorId(), x -> new long[3]);
                b[0]++;
                b[1] += p.memoryUsed();
                b[2] += p.diskUsed();
            }
        }
        List<ExecutorData> out = new ArrayList<>();
        for (LiveExecutor e : executors.values()) {
            if (includeDead || e.removeTime < 0) {
                out.add(e.snapshot(blocks.getOrDefault(e.id, new long[3])));
            }
        }
        return out;
    }

    /** Cached RDDs with at least one block held, by id. */
    public synchronized List<RddStorageData> rdds() {
        List<RddStorageData> out = new ArrayList<>();
        rdds.values().forEach(r -> out.add(r.snapshot()));
        return out;
    }

    public synchronized Optional<RddStorageData> rdd(int rddId) {
        LiveRdd r = rdds.get(rddId);
        return r == null ? Optional.empty() : Optional.of(r.snapshot());
    }

    /** The environment sections of {@link ListenerEvent.EnvironmentUpdate} (empty before it arrived). */
    public synchronized Map<String, Map<String, String>> environment() {
        return environment;
    }

    /** SQL query runs, newest first (the SQL tab). */
    public synchronized List<SqlExecutionData> sqlExecutions() {
        return sql.executions();
    }

    public synchronized Optional<SqlExecutionData> sqlExecution(long executionId) {
        return sql.execution(executionId);
    }

    /** The retained SQL query run that started job {@code jobId}, if any. */
    public synchronized Optional<Long> sqlExecutionOfJob(int jobId) {
        return sql.executionOfJob(jobId);
    }

    /** How many events this store has applied (tests and the history server's progress). */
    public synchronized long eventsSeen() {
        return eventsSeen;
    }

    // ---- writes (listener bus thread, or a replaying reader) ----

    @Override
    public synchronized void onEvent(ListenerEvent event) {
        eventsSeen++;
        if (sql.apply(event)) {
            return;
        }
        if (event instanceof ListenerEvent.ApplicationStart a) {
            app = new ApplicationInfo(a.appId(), a.appName(), a.time(), -1, a.time(), a.user(), a.version(), false);
            lastUpdated = a.time();
        } else if (event instanceof ListenerEvent.ApplicationEnd e) {
            app = new ApplicationInfo(app.id(), app.name(), app.startTime(), e.time(), e.time(), app.user(),
                    app.version(), true);
            lastUpdated = e.time();
        } else if (event instanceof ListenerEvent.EnvironmentUpdate e) {
            Map<String, Map<String, String>> copy = new LinkedHashMap<>();
            e.sections().forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
            environment = Collections.unmodifiableMap(copy);
        } else if (event instanceof ListenerEvent.ExecutorAdded e) {
            LiveExecutor x = executors.computeIfAbsent(e.executorId(), LiveExecutor::new);
            x.host = e.host();
            x.cores = e.cores();
            x.addTime = e.time();
            x.logUrls = e.logUrls();
        } else if (event instanceof ListenerEvent.ExecutorRemoved e) {
            LiveExecutor x = executors.get(e.executorId());
            if (x != null) {
                x.removeTime = e.time();
                x.removeReason = e.reason();
                trimDeadExecutors();
            }
            dropBlocksOf(e.executorId());
        } else if (event instanceof ListenerEvent.BlockUpdated b) {
            blockUpdated(b);
        } else if (event instanceof ListenerEvent.ExecutorMetricsUpdate e) {
            LiveExecutor x = executors.get(e.executorId());
            if (x != null) {
                x.heapUsed = e.heapUsedBytes();
                x.maxMemory = e.maxStorageMemory();
                x.pythonWorkers = e.pythonWorkers();
            }
        } else {
            if (event instanceof ListenerEvent.StageSubmitted s) {
                for (StageInfo.RddInfo r : s.stage().rdds()) {
                    if (!"None".equals(r.storageLevel())) {
                        persistedRdds.put(r.id(), r);
                    }
                }
            }
            StageEvents.apply(this, event);
        }
    }

    /** A lost executor's cached blocks are gone with it (its process ended); RDDs left without blocks leave the list. */
    private void dropBlocksOf(String executorId) {
        rdds.values().removeIf(r -> {
            r.blocks.values().removeIf(p -> executorId.equals(p.executorId()));
            return r.blocks.isEmpty();
        });
    }

    /** A block came or went; an RDD leaves the storage list with its last block. */
    private void blockUpdated(ListenerEvent.BlockUpdated b) {
        String blockName = "rdd_" + b.rddId() + "_" + b.partition();
        if ("None".equals(b.storageLevel())) {
            LiveRdd r = rdds.get(b.rddId());
            if (r != null) {
                r.blocks.remove(b.partition());
                if (r.blocks.isEmpty()) {
                    rdds.remove(b.rddId());
                }
            }
            return;
        }
        StageInfo.RddInfo info = persistedRdds.getOrDefault(b.rddId(), new StageInfo.RddInfo(b.rddId(),
                "RDD " + b.rddId(), "", 0, List.of(), b.storageLevel()));
        rdds.computeIfAbsent(b.rddId(), id -> new LiveRdd(info)).blocks.put(b.partition(),
                new RddStorageData.Partition(blockName, b.storageLevel(), b.memorySize(), b.diskSize(), b.executorId()));
    }

    // ---- state for StageEvents (same lock) ----

    LiveJob liveJob(int jobId) {
        return jobs.get(jobId);
    }

    void putJob(LiveJob job) {
        jobs.put(job.jobId, job);
    }

    LiveStage liveStage(int stageId, int attempt) {
        return stages.get(new StageKey(stageId, attempt));
    }

    /** The stage's latest attempt, or null. */
    LiveStage latestStage(int stageId) {
        for (Map.Entry<StageKey, LiveStage> e : stages.entrySet()) {
            if (e.getKey().stageId() == stageId) {
                return e.getValue();
            }
        }
        return null;
    }

    LiveStage stageFor(StageInfo info, String description) {
        return stages.computeIfAbsent(new StageKey(info.stageId(), info.attempt()), k -> new LiveStage(info,
                description));
    }

    LiveExecutor executor(String id) {
        return id == null ? null : executors.computeIfAbsent(id, LiveExecutor::new);
    }

    StoreLimits limits() {
        return limits;
    }

    void touched(long time) {
        lastUpdated = Math.max(lastUpdated, time);
    }

    /** Drops the oldest finished jobs and stage attempts beyond the caps. */
    void trimFinished() {
        int excess = jobs.size() - limits.retainedJobs();
        for (Iterator<LiveJob> it = jobs.values().iterator(); excess > 0 && it.hasNext(); ) {
            if (it.next().finished()) {
                it.remove();
                excess--;
            }
        }
        excess = stages.size() - limits.retainedStages();
        List<StageKey> oldestFirst = new ArrayList<>(stages.keySet());
        Collections.reverse(oldestFirst);
        for (StageKey k : oldestFirst) {
            if (excess <= 0) {
                break;
            }
            if (stages.get(k).finished()) {
                stages.remove(k);
                excess--;
            }
        }
    }

    private void trimDeadExecutors() {
        long dead = executors.values().stream().filter(x -> x.removeTime >= 0).count();
        for (Iterator<LiveExecutor> it = executors.values().iterator(); dead > limits.retainedDeadExecutors()
                && it.hasNext(); ) {
            if (it.next().removeTime >= 0) {
                it.remove();
                dead--;
            }
        }
    }

    static String describe(TaskEndReason reason) {
        if (reason instanceof TaskEndReason.ExceptionFailure f) {
            return String.valueOf(f.error());
        }
        if (reason instanceof TaskEndReason.FetchFailed f) {
            return "FetchFailed(shuffleId=" + f.shuffleId() + ", mapId=" + f.mapId() + ", reduceId=" + f.reduceId()
                    + ", message=" + f.message() + ")";
        }
        if (reason instanceof TaskEndReason.TaskKilled k) {
            return "TaskKilled (" + k.reason() + ")";
        }
        if (reason instanceof TaskEndReason.ExecutorLost l) {
            return "ExecutorLostFailure (executor " + l.executorId() + " exited)";
        }
        return null;
    }

    static long shuffleRead(io.ember.core.TaskMetricValues m) {
        return m.get(TaskMetric.SHUFFLE_LOCAL_BYTES_READ) + m.get(TaskMetric.SHUFFLE_REMOTE_BYTES_READ);
    }
}
