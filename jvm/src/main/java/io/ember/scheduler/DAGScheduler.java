package io.ember.scheduler;

import io.ember.core.Accumulator;
import io.ember.core.EmberException;
import io.ember.core.JobCancelledException;
import io.ember.core.JobFailedException;
import io.ember.core.Partition;
import io.ember.rdd.Dependency;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskFunction;
import io.ember.serializer.ClosureSerializer;
import io.ember.shuffle.MapOutputTracker;
import io.ember.shuffle.MapStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns jobs into stages split at shuffle dependencies and submits each stage's missing tasks
 * once its parents are available. Finished shuffle outputs are reused across jobs; a fetch
 * failure unregisters the lost map outputs and resubmits the parent stage, recomputing only
 * those, up to {@code maxStageAttempts} consecutive failed attempts.
 *
 * <p>Threading: one event thread owns all state; other threads only {@link #post} events.
 * Tests drive {@link #onEvent} directly, without the thread.
 */
public final class DAGScheduler implements TaskEndListener {
    private static final Logger LOG = LoggerFactory.getLogger(DAGScheduler.class);

    private final TaskScheduler taskScheduler;
    private final MapOutputTracker mapOutputs;
    private final ListenerBus bus;
    private final Map<Long, Accumulator<?, ?>> accumulators;
    private final int maxStageAttempts;
    private final CacheLocator cacheLocator;
    private final DAGEventQueue queue;
    private final AtomicInteger nextJobId = new AtomicInteger();
    private Thread thread;

    private int nextStageId;
    private final Map<Integer, Stage> stages = new HashMap<>();
    private final Map<Integer, ShuffleMapStage> shuffleStages = new HashMap<>();
    private final Map<Integer, ActiveJob> jobs = new HashMap<>();
    private final Set<Stage> waiting = new HashSet<>();
    private final Set<Stage> running = new HashSet<>();
    private final Set<Stage> failed = new HashSet<>();

    /**
     * @param accumulators driver-side accumulators by id; updates of successful tasks merge into them
     */
    public DAGScheduler(TaskScheduler taskScheduler, MapOutputTracker mapOutputs, ListenerBus bus,
                        Map<Long, Accumulator<?, ?>> accumulators, int maxStageAttempts) {
        this(taskScheduler, mapOutputs, bus, accumulators, maxStageAttempts, CacheLocator.NONE);
    }

    /**
     * @param cacheLocator where cached partitions live, so tasks prefer those executors
     */
    public DAGScheduler(TaskScheduler taskScheduler, MapOutputTracker mapOutputs, ListenerBus bus,
                        Map<Long, Accumulator<?, ?>> accumulators, int maxStageAttempts, CacheLocator cacheLocator) {
        this(new DAGEventQueue(), taskScheduler, mapOutputs, bus, accumulators, maxStageAttempts, cacheLocator);
    }

    /**
     * @param queue the inbox this scheduler's event thread reads; the task scheduler, created
     *              before this one, reports task ends to it
     */
    public DAGScheduler(DAGEventQueue queue, TaskScheduler taskScheduler, MapOutputTracker mapOutputs,
                        ListenerBus bus, Map<Long, Accumulator<?, ?>> accumulators, int maxStageAttempts,
                        CacheLocator cacheLocator) {
        this.queue = queue;
        this.cacheLocator = cacheLocator;
        this.taskScheduler = taskScheduler;
        this.mapOutputs = mapOutputs;
        this.bus = bus;
        this.accumulators = accumulators;
        this.maxStageAttempts = maxStageAttempts;
    }

    public void start() {
        thread = new Thread(this::loop, "ember-dag-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        post(new DAGSchedulerEvent.Stop());
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void post(DAGSchedulerEvent e) {
        queue.post(e);
    }

    /** Processes queued events on the calling thread (tests run the scheduler without its thread). */
    void drainEvents() {
        DAGSchedulerEvent e;
        while ((e = queue.poll()) != null) {
            onEvent(e);
        }
    }

    private void loop() {
        try {
            while (true) {
                DAGSchedulerEvent e = queue.take();
                if (e instanceof DAGSchedulerEvent.Stop) {
                    failAllJobs(new JobCancelledException("Job cancelled because the context was stopped"));
                    return;
                }
                try {
                    onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.error("DAG scheduler failed on {}", e, ex);
                    failAllJobs(new EmberException("Internal scheduler error: " + ex, ex));
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- API for other threads ----

    public JobWaiter submitJob(RDD<?> rdd, TaskFunction<?, ?> func, int[] partitions,
                               java.util.function.BiConsumer<Integer, Object> handler, Properties properties) {
        int jobId = nextJobId.getAndIncrement();
        JobWaiter waiter = new JobWaiter(partitions.length, handler);
        waiter.setJobId(jobId);
        if (partitions.length > 0) {
            post(new DAGSchedulerEvent.JobSubmitted(jobId, rdd, func, partitions, waiter, properties));
        }
        return waiter;
    }

    @Override
    public void taskEnded(Task task, TaskEndReason reason, Object result, List<Accumulator<?, ?>> updates) {
        queue.taskEnded(task, reason, result, updates);
    }

    @Override
    public void taskSetFailed(int stageId, int stageAttempt, Throwable error) {
        queue.taskSetFailed(stageId, stageAttempt, error);
    }

    @Override
    public void executorLost(String executorId) {
        queue.executorLost(executorId);
    }

    /**
     * Forgets a shuffle no RDD references any more (its stage and map-output entries), on the
     * event thread, and then runs {@code removeFiles} there to delete its outputs on executors.
     */
    public void removeShuffle(int shuffleId, Runnable removeFiles) {
        post(new DAGSchedulerEvent.ShuffleCleaned(shuffleId, removeFiles));
    }

    /** How much state the scheduler holds: stages, shuffle map stages and active jobs. */
    public record Sizes(int stages, int shuffleStages, int activeJobs) {}

    /** The scheduler's state sizes, read on the event thread. */
    public CompletableFuture<Sizes> sizes() {
        CompletableFuture<Sizes> reply = new CompletableFuture<>();
        post(new DAGSchedulerEvent.SizesRequested(reply));
        return reply;
    }

    public void cancelJob(int jobId, String reason) {
        post(new DAGSchedulerEvent.JobCancelled(jobId, reason));
    }

    /** Cancels every active job that needs stage {@code stageId}; the jobs fail naming the stage and the reason. */
    public void cancelStage(int stageId, String reason) {
        post(new DAGSchedulerEvent.StageCancelled(stageId, reason));
    }

    public void cancelJobGroup(String groupId) {
        post(new DAGSchedulerEvent.JobGroupCancelled(groupId));
    }

    public void cancelAllJobs() {
        post(new DAGSchedulerEvent.AllJobsCancelled(null));
    }

    @Override
    public void failAllJobs(String reason) {
        queue.failAllJobs(reason);
    }

    // ---- event handling (event thread only) ----

    void onEvent(DAGSchedulerEvent e) {
        if (e instanceof DAGSchedulerEvent.JobSubmitted j) {
            handleJobSubmitted(j);
        } else if (e instanceof DAGSchedulerEvent.TaskCompleted t) {
            handleTaskCompletion(t);
        } else if (e instanceof DAGSchedulerEvent.TaskSetFailed f) {
            Stage s = stages.get(f.stageId());
            if (s != null && s.latestAttempt == f.stageAttempt()) {
                abortStage(s, f.error());
            }
        } else if (e instanceof DAGSchedulerEvent.JobCancelled c) {
            ActiveJob job = jobs.get(c.jobId());
            if (job != null) {
                failJob(job, new JobCancelledException("Job " + c.jobId() + " cancelled: " + c.reason()));
            }
        } else if (e instanceof DAGSchedulerEvent.StageCancelled c) {
            Stage stage = stages.get(c.stageId());
            for (ActiveJob job : new ArrayList<>(jobs.values())) {
                if (stage != null && ancestry(job.finalStage).contains(stage)) {
                    failJob(job, new JobCancelledException("Job " + job.jobId + " cancelled because Stage "
                            + c.stageId() + " was cancelled" + (c.reason() == null ? "" : ": " + c.reason())));
                }
            }
        } else if (e instanceof DAGSchedulerEvent.JobGroupCancelled g) {
            for (ActiveJob job : new ArrayList<>(jobs.values())) {
                if (g.groupId().equals(job.group())) {
                    failJob(job, new JobCancelledException("Job " + job.jobId + " cancelled as part of job group "
                            + g.groupId()));
                }
            }
        } else if (e instanceof DAGSchedulerEvent.AllJobsCancelled c) {
            for (ActiveJob job : new ArrayList<>(jobs.values())) {
                failJob(job, c.failure() != null ? new JobFailedException(c.failure(), null)
                        : new JobCancelledException("Job " + job.jobId + " cancelled (all jobs cancelled)"));
            }
        } else if (e instanceof DAGSchedulerEvent.ExecutorLost l) {
            handleExecutorLost(l.executorId());
        } else if (e instanceof DAGSchedulerEvent.ShuffleCleaned c) {
            handleShuffleCleaned(c);
        } else if (e instanceof DAGSchedulerEvent.SizesRequested r) {
            r.reply().complete(new Sizes(stages.size(), shuffleStages.size(), jobs.size()));
        } else if (e instanceof DAGSchedulerEvent.ResubmitFailedStages) {
            resubmitFailedStages();
        } else if (e instanceof DAGSchedulerEvent.Stop) {
            failAllJobs(new JobCancelledException("context stopped"));
        }
    }

    private void handleJobSubmitted(DAGSchedulerEvent.JobSubmitted j) {
        ResultStage finalStage;
        try {
            finalStage = new ResultStage(nextStageId++, j.rdd(), j.func(), j.partitions(),
                    parentStages(j.rdd(), j.jobId()), j.jobId());
        } catch (RuntimeException e) {
            j.listener().jobFailed(e);
            return;
        }
        stages.put(finalStage.id, finalStage);
        ActiveJob job = new ActiveJob(j.jobId(), finalStage, j.listener(), j.properties());
        finalStage.activeJob = job;
        jobs.put(job.jobId, job);
        List<Integer> stageIds = new ArrayList<>();
        collectStageIds(finalStage, job.jobId, stageIds);
        List<StageInfo> stageInfos = new ArrayList<>();
        for (int id : stageIds) {
            Stage s = stages.get(id);
            stageInfos.add(info(s, job.jobId, s.numTasks()));
        }
        bus.post(new ListenerEvent.JobStart(job.jobId, System.currentTimeMillis(), stageIds, job.group(),
                job.properties == null ? null : job.properties.getProperty(JobProperties.JOB_DESCRIPTION), stageInfos,
                propertyMap(job.properties)));
        submitStage(finalStage);
    }

    private static Map<String, String> propertyMap(java.util.Properties p) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (p != null) {
            for (String k : p.stringPropertyNames()) {
                out.put(k, p.getProperty(k));
            }
        }
        return out;
    }

        /** Lists the job's stages and marks each as needed by the job. */
    private void collectStageIds(Stage s, int jobId, List<Integer> ids) {
        for (Stage stage : ancestry(s)) {
            ids.add(stage.id);
            stage.jobIds.add(jobId);
        }
    }

    /** {@code s} and every stage it depends on, each once, depth first (the order jobs list their stages). */
    private static List<Stage> ancestry(Stage s) {
        List<Stage> out = new ArrayList<>();
        Set<Stage> seen = new HashSet<>();
        ArrayDeque<Stage> toVisit = new ArrayDeque<>();
        toVisit.push(s);
        while (!toVisit.isEmpty()) {
            Stage stage = toVisit.pop();
            if (seen.add(stage)) {
                out.add(stage);
                for (int i = stage.parents.size() - 1; i >= 0; i--) {
                    toVisit.push(stage.parents.get(i));
                }
            }
        }
        return out;
    }

    /** The shuffle map stages an RDD's stage directly depends on, created on first use. */
    private List<Stage> parentStages(RDD<?> rdd, int jobId) {
        List<Stage> parents = new ArrayList<>();
        for (ShuffleDependency<?, ?, ?> sd : StageLineage.stageBoundaries(rdd)) {
            parents.add(shuffleStage(sd, jobId));
        }
        return parents;
    }

    /**
     * The stage of a shuffle, created on first use together with the stages of its ancestors
     * that have none yet, oldest first: creation never recurses, however long the lineage.
     */
    private ShuffleMapStage shuffleStage(ShuffleDependency<?, ?, ?> dep, int jobId) {
        ShuffleMapStage existing = shuffleStages.get(dep.shuffleId());
        if (existing != null) {
            existing.jobIds.add(jobId);
            return existing;
        }
        for (ShuffleDependency<?, ?, ?> ancestor : StageLineage.shufflesWithoutStages(dep.rdd(), shuffleStages::containsKey)) {
            newShuffleStage(ancestor, jobId);
        }
        return newShuffleStage(dep, jobId);
    }

    /** Creates a shuffle's stage; the stages of its parent shuffles already exist. */
    private ShuffleMapStage newShuffleStage(ShuffleDependency<?, ?, ?> dep, int jobId) {
        ShuffleMapStage s = new ShuffleMapStage(nextStageId++, dep.rdd(), parentStages(dep.rdd(), jobId), jobId, dep,
                mapOutputs);
        mapOutputs.registerShuffle(dep.shuffleId(), dep.rdd().partitions().length);
        stages.put(s.id, s);
        shuffleStages.put(dep.shuffleId(), s);
        return s;
    }

    /**
     * Submits {@code root} once the parent stages it reads are available, submitting missing
     * parents first (an explicit stack: chains of unfinished stages can be long). Parents
     * behind fully cached RDDs are not read, so not needed (see {@link StageLineage#shufflesToRead}).
     */
    private void submitStage(Stage root) {
        ArrayDeque<Stage> toSubmit = new ArrayDeque<>();
        toSubmit.push(root);
        while (!toSubmit.isEmpty()) {
            Stage stage = toSubmit.pop();
            if (waiting.contains(stage) || running.contains(stage) || failed.contains(stage)) {
                continue;
            }
            List<Stage> missing = new ArrayList<>();
            Set<Integer> toRead = StageLineage.shufflesToRead(stage.rdd, cacheLocator);
            for (Stage p : stage.parents) {
                if (p instanceof ShuffleMapStage sms && toRead.contains(sms.dependency.shuffleId()) && !sms.isAvailable()) {
                    missing.add(p);
                }
            }
            if (missing.isEmpty()) {
                submitMissingTasks(stage);
            } else {
                waiting.add(stage);
                missing.sort(Comparator.comparingInt((Stage s) -> s.id).reversed());
                missing.forEach(toSubmit::push);
            }
        }
    }

    private void submitMissingTasks(Stage stage) {
        List<Integer> missing = stage.missingPartitions();
        ActiveJob job = activeJobFor(stage);
        if (job == null) {
            return;
        }
        stage.latestAttempt++;
        byte[] binary;
        try {
            Object second = stage instanceof ShuffleMapStage sms ? sms.dependency : ((ResultStage) stage).func;
            binary = ClosureSerializer.serialize(new Object[] {stage.rdd, second}, "the function of " + stage);
        } catch (RuntimeException e) {
            abortStage(stage, e);
            return;
        }
        List<Task> tasks = new ArrayList<>();
        Partition[] parts = stage.rdd.partitions();
        for (int id : missing) {
            if (stage instanceof ShuffleMapStage) {
                Partition p = parts[id];
                tasks.add(new ShuffleMapTask(stage.id, stage.latestAttempt, job.jobId, p, binary, job.properties,
                        StageLineage.preferredLocations(stage.rdd, p, cacheLocator)));
            } else {
                ResultStage rs = (ResultStage) stage;
                Partition p = parts[rs.partitions[id]];
                tasks.add(new ResultTask(stage.id, stage.latestAttempt, job.jobId, p, id, binary, job.properties,
                        StageLineage.preferredLocations(stage.rdd, p, cacheLocator)));
            }
        }
        stage.pendingPartitions.clear();
        for (Task t : tasks) {
            stage.pendingPartitions.add(t.partitionId());
        }
        running.add(stage);
        bus.post(new ListenerEvent.StageSubmitted(info(stage, job.jobId, tasks.size()), System.currentTimeMillis()));
        if (tasks.isEmpty()) {
            markStageFinished(stage, null);
            submitWaitingChildren(stage);
        } else {
            taskScheduler.submitTasks(new TaskSet(tasks, stage.id, stage.latestAttempt, job.jobId, job.properties));
        }
    }

    private StageInfo info(Stage s, int jobId, int numTasks) {
        return StageInfos.of(s, jobId, numTasks);
    }

    private ActiveJob activeJobFor(Stage stage) {
        ActiveJob best = null;
        for (int jobId : stage.jobIds) {
            ActiveJob j = jobs.get(jobId);
            if (j != null && (best == null || j.jobId < best.jobId)) {
                best = j;
            }
        }
        return best;
    }

    private void handleTaskCompletion(DAGSchedulerEvent.TaskCompleted event) {
        Task task = event.task();
        Stage stage = stages.get(task.stageId());
        if (stage == null) {
            return;
        }
        if (event.reason() instanceof TaskEndReason.FetchFailed ff) {
            handleFetchFailure(stage, task, ff);
            return;
        }
        if (!(event.reason() instanceof TaskEndReason.Success)) {
            return; // retries of other failures are the task scheduler's business
        }
        if (task instanceof ResultTask rt) {
            ActiveJob job = ((ResultStage) stage).activeJob;
            if (job != null && !job.finished[rt.outputId()]) {
                mergeAccumulators(event.accumUpdates());
                job.finished[rt.outputId()] = true;
                job.numFinished++;
                stage.pendingPartitions.remove(task.partitionId());
                job.listener.taskSucceeded(rt.outputId(), event.result());
                if (job.numFinished == job.finished.length) {
                    markStageFinished(stage, null);
                    finishJob(job, true, null);
                }
            }
            return;
        }
        ShuffleMapStage sms = (ShuffleMapStage) stage;
        if (sms.accumulatedPartitions.add(task.partitionId())) {
            mergeAccumulators(event.accumUpdates());
        }
        mapOutputs.registerMapOutput(sms.dependency.shuffleId(), task.partitionId(), (MapStatus) event.result());
        // A success from an older attempt counts too (as in Spark): the output is the same, and
        // the stage finishes as soon as every partition has one, whichever attempt wrote it.
        stage.pendingPartitions.remove(task.partitionId());
        if (running.contains(stage) && stage.pendingPartitions.isEmpty()) {
            markStageFinished(stage, null);
            if (!sms.isAvailable()) {
                submitStage(stage);
            } else {
                submitWaitingChildren(stage);
            }
        }
    }

    private void handleFetchFailure(Stage stage, Task task, TaskEndReason.FetchFailed ff) {
        if (task.stageAttempt() != stage.latestAttempt) {
            return;
        }
        ShuffleMapStage mapStage = shuffleStages.get(ff.shuffleId());
        if (running.contains(stage)) {
            markStageFinished(stage, "fetch failure: " + ff.message());
        }
        stage.failedAttempts.add(task.stageAttempt());
        if (stage.failedAttempts.size() >= maxStageAttempts) {
            abortStage(stage, new EmberException(stage + " has failed the maximum allowed number of times ("
                    + maxStageAttempts + "). Most recent failure: " + ff.message()));
            return;
        }
        for (int m : ff.lostMaps()) {
            if (m >= 0) {
                mapOutputs.unregisterMapOutput(ff.shuffleId(), m);
            }
        }
        boolean first = failed.isEmpty();
        failed.add(stage);
        if (mapStage != null) {
            failed.add(mapStage);
        }
        taskScheduler.cancelTasks(stage.id, false);
        if (first) {
            Thread resubmit = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                post(new DAGSchedulerEvent.ResubmitFailedStages());
            }, "ember-resubmit");
            resubmit.setDaemon(true);
            resubmit.start();
        }
    }

    /**
     * Forgets the lost executor's map outputs. Only those are recomputed: a running map stage
     * resubmits its missing partitions when its last task ends, a waiting stage finds its
     * parent incomplete when it is next submitted, and a running reduce stage that reads one
     * of them gets a fetch failure and resubmits the parent. Cached blocks held there are
     * recomputed from lineage when next needed.
     */
    private void handleExecutorLost(String executorId) {
        LOG.info("Executor {} lost; forgetting the map outputs it held", executorId);
        mapOutputs.removeOutputsOnExecutor(executorId);
    }

    /**
     * Forgets a shuffle that no RDD references. Its stage normally went with the last job that
     * needed it; a stage still needed by an active job keeps the shuffle (its lineage is then
     * still referenced, so this means the cleaner was asked too early).
     */
    private void handleShuffleCleaned(DAGSchedulerEvent.ShuffleCleaned c) {
        ShuffleMapStage stage = shuffleStages.get(c.shuffleId());
        if (stage != null) {
            if (!stage.jobIds.isEmpty()) {
                LOG.warn("Not cleaning shuffle {}: active jobs {} still need it", c.shuffleId(), stage.jobIds);
                return;
            }
            forgetStage(stage);
        }
        mapOutputs.unregisterShuffle(c.shuffleId());
        c.removeFiles().run();
    }

    private void forgetStage(Stage s) {
        stages.remove(s.id);
        waiting.remove(s);
        failed.remove(s);
        if (s instanceof ShuffleMapStage sms && shuffleStages.get(sms.dependency.shuffleId()) == sms) {
            shuffleStages.remove(sms.dependency.shuffleId());
        }
    }

    /** Resubmits failed stages; called from the event thread (tests call it directly). */
    void resubmitFailedStages() {
        List<Stage> toRetry = new ArrayList<>(failed);
        failed.clear();
        toRetry.sort(Comparator.comparingInt(s -> s.id));
        for (Stage s : toRetry) {
            submitStage(s);
        }
    }

    private void submitWaitingChildren(Stage parent) {
        List<Stage> children = new ArrayList<>();
        for (Stage s : waiting) {
            if (s.parents.contains(parent)) {
                children.add(s);
            }
        }
        children.sort(Comparator.comparingInt(s -> s.id));
        for (Stage c : children) {
            waiting.remove(c);
            submitStage(c);
        }
    }

    private void markStageFinished(Stage stage, String failure) {
        running.remove(stage);
        if (failure == null) {
            stage.failedAttempts.clear();
        }
        ActiveJob job = activeJobFor(stage);
        bus.post(new ListenerEvent.StageCompleted(info(stage, job == null ? -1 : job.jobId, stage.numTasks()),
                System.currentTimeMillis(), failure));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void mergeAccumulators(List<Accumulator<?, ?>> updates) {
        if (updates == null) {
            return;
        }
        for (Accumulator update : updates) {
            Accumulator driver = accumulators.get(update.id());
            if (driver != null) {
                driver.merge(update);
            }
        }
    }

    private void abortStage(Stage stage, Throwable error) {
        for (ActiveJob job : new ArrayList<>(jobs.values())) {
            if (ancestry(job.finalStage).contains(stage)) {
                failJob(job, error);
            }
        }
    }

    private void failJob(ActiveJob job, Throwable error) {
        finishJob(job, false, error);
        job.listener.jobFailed(error);
    }

    private void finishJob(ActiveJob job, boolean succeeded, Throwable error) {
        jobs.remove(job.jobId);
        for (Stage s : ancestry(job.finalStage)) {
            s.jobIds.remove(job.jobId);
            if (s.jobIds.isEmpty()) {
                if (running.remove(s)) {
                    taskScheduler.cancelTasks(s.id, interrupt(job));
                    if (!succeeded) {
                        bus.post(new ListenerEvent.StageCompleted(info(s, job.jobId, s.numTasks()),
                                System.currentTimeMillis(), String.valueOf(error)));
                    }
                }
                // No job needs the stage now: a later job builds a new one, which finds the map
                // outputs still registered and skips them. Dropping it here lets the shuffle's
                // dependency become unreachable, so the cleaner can remove the outputs.
                forgetStage(s);
            }
        }
        bus.post(new ListenerEvent.JobEnd(job.jobId, System.currentTimeMillis(), succeeded, error));
    }

    private static boolean interrupt(ActiveJob job) {
        return job.properties != null
                && "true".equals(job.properties.getProperty(JobProperties.INTERRUPT_ON_CANCEL));
    }

    private void failAllJobs(Throwable error) {
        for (ActiveJob job : new ArrayList<>(jobs.values())) {
            failJob(job, error);
        }
    }
}
