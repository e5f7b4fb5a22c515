package io.ember.scheduler;

import io.ember.core.TaskFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places tasks of active task sets on offered executor slots, FIFO by job then stage, and
 * routes task ends to the task set managers (retries) and the {@link TaskEndListener} (the DAG
 * scheduler). Its backend sees it only through the {@link SchedulerRoles} it is created with.
 * Thread-safe: offers and status updates synchronize on this; listener and backend calls are
 * made without holding the lock.
 */
public final class TaskSchedulerImpl implements TaskScheduler, TaskOffers, TaskStatusSink, ExecutorEvents {
    private final int maxFailures;
    private final long localityWaitMs;
    private final ListenerBus bus;
    private final TaskEndListener taskEnds;
    private final List<TaskSetManager> active = new ArrayList<>();
    private final Map<Long, TaskSetManager> byTaskId = new HashMap<>();
    private final Map<Long, Long> startTimes = new HashMap<>();
    private final SchedulerBackend backend;
    private long nextTaskId;

    /**
     * @param taskEnds where task ends go (the DAG scheduler's event queue); it must not call back
     * @param backends creates this scheduler's backend, handing it this scheduler's roles; the
     *                 backend must not use them before it is started
     */
    public TaskSchedulerImpl(int maxFailures, long localityWaitMs, ListenerBus bus, TaskEndListener taskEnds,
                             SchedulerBackend.Factory backends) {
        this.maxFailures = maxFailures;
        this.localityWaitMs = localityWaitMs;
        this.bus = bus;
        this.taskEnds = taskEnds;
        this.backend = backends.create(new SchedulerRoles(this, this, this));
    }

    /** The backend this scheduler created and offers its tasks through. */
    public SchedulerBackend backend() {
        return backend;
    }

    @Override
    public void submitTasks(TaskSet taskSet) {
        synchronized (this) {
            for (TaskSetManager m : active) {
                if (m.taskSet.stageId() == taskSet.stageId()) {
                    m.zombie = true;
                }
            }
            active.add(new TaskSetManager(taskSet, maxFailures, localityWaitMs, System.currentTimeMillis()));
            active.sort(Comparator.comparingInt((TaskSetManager m) -> m.taskSet.jobId())
                    .thenComparingInt(m -> m.taskSet.stageId()));
        }
        backend.reviveOffers();
    }

    @Override
    public void cancelTasks(int stageId, boolean interruptThread) {
        Map<Long, String> toKill = new HashMap<>();
        synchronized (this) {
            for (TaskSetManager m : active) {
                if (m.taskSet.stageId() == stageId) {
                    m.zombie = true;
                    for (long id : m.runningTaskIds()) {
                        toKill.put(id, m.executorOf(id));
                    }
                }
            }
            active.removeIf(m -> m.taskSet.stageId() == stageId && m.runningTasks.isEmpty());
        }
        toKill.forEach((id, exec) -> backend.killTask(id, exec, interruptThread, "stage " + stageId + " cancelled"));
    }

    @Override
    public synchronized List<TaskDescription> resourceOffers(List<WorkerOffer> offers) {
        List<TaskDescription> launched = new ArrayList<>();
        long now = System.currentTimeMillis();
        int[] free = new int[offers.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = offers.get(i).cores();
        }
        for (TaskSetManager m : active) {
            boolean progress = true;
            while (progress && m.hasPending()) {
                progress = false;
                for (int i = 0; i < free.length; i++) {
                    if (free[i] == 0) {
                        continue;
                    }
                    WorkerOffer o = offers.get(i);
                    int index = m.pickTask(o.executorId(), o.host(), now);
                    if (index >= 0) {
                        long tid = nextTaskId++;
                        TaskDescription td = m.launch(index, tid, o.executorId(), now);
                        byTaskId.put(tid, m);
                        startTimes.put(tid, now);
                        launched.add(td);
                        free[i]--;
                        progress = true;
                        bus.post(new ListenerEvent.TaskStart(m.taskSet.stageId(), m.taskSet.stageAttempt(),
                                td.task().partitionId(), tid, td.attemptNumber(), o.executorId(), now, o.host(),
                                TaskLocality.of(td.task().preferredLocations(), o.executorId(), o.host())));
                    }
                }
            }
        }
        return launched;
    }

    @Override
    public void executorAdded(String executorId, String host, int cores, Map<String, String> logUrls) {
        bus.post(new ListenerEvent.ExecutorAdded(executorId, host, cores, System.currentTimeMillis(), logUrls));
    }

    @Override
    public void executorHeartbeat(String executorId, List<TaskProgress> running, long heapUsedBytes,
                                  long maxStorageMemory, int pythonWorkers) {
        bus.post(new ListenerEvent.ExecutorMetricsUpdate(executorId, running, heapUsedBytes, maxStorageMemory,
                pythonWorkers));
    }

    @Override
    public void blockUpdated(String executorId, int rddId, int partition, String storageLevel, long memorySize,
                             long diskSize) {
        bus.post(new ListenerEvent.BlockUpdated(executorId, rddId, partition, storageLevel, memorySize, diskSize));
    }

    @Override
    public void failAllJobs(String reason) {
        taskEnds.failAllJobs(reason);
    }

    @Override
    public synchronized int demandedSlots() {
        int n = 0;
        for (TaskSetManager m : active) {
            n += (m.zombie ? 0 : m.pendingCount()) + m.runningTasks.size();
        }
        return n;
    }

    @Override
    public synchronized boolean hasPendingTasks() {
        for (TaskSetManager m : active) {
            if (m.hasPending()) {
                return true;
            }
        }
        return false;
    }

    /** Called by the backend when a task ends. */
    @Override
    public void statusUpdate(long taskId, TaskOutcome outcome) {
        Task task;
        TaskEndReason reason;
        TaskFailedException abort = null;
        TaskSetManager m;
        int attempt;
        long duration;
        long launchTime;
        String executorId;
        synchronized (this) {
            m = byTaskId.remove(taskId);
            Long start = startTimes.remove(taskId);
            launchTime = start == null ? 0 : start;
            duration = start == null ? 0 : System.currentTimeMillis() - start;
            if (m == null) {
                return;
            }
            task = m.task(taskId);
            attempt = m.attemptOf(taskId);
            executorId = m.executorOf(taskId);
            reason = outcome.reason();
            if (outcome instanceof TaskResult) {
                if (!m.succeeded(taskId)) {
                    task = null;
                }
            } else {
                abort = m.failed(taskId, reason);
            }
            if (m.isFinished()) {
                active.remove(m);
            }
        }
        if (task == null) {
            backend.reviveOffers();
            return;
        }
        bus.post(new ListenerEvent.TaskEnd(task.stageId(), task.stageAttempt(), task.partitionId(), taskId, attempt,
                reason, duration, executorId, launchTime, outcome.metrics()));
        if (outcome instanceof TaskResult r) {
            taskEnds.taskEnded(task, reason, r.value(), r.accumUpdates());
        } else {
            taskEnds.taskEnded(task, reason, null, null);
        }
        if (abort != null) {
            taskEnds.taskSetFailed(m.taskSet.stageId(), m.taskSet.stageAttempt(), abort);
        }
        backend.reviveOffers();
    }

    /**
     * An executor went away: its running tasks fail with {@link TaskEndReason.ExecutorLost}
     * (retried without counting toward maxFailures), and the DAG scheduler forgets the map
     * outputs it held so that they are recomputed.
     */
    @Override
    public void executorLost(String executorId) {
        List<Long> lost = new ArrayList<>();
        synchronized (this) {
            for (TaskSetManager m : active) {
                lost.addAll(m.runningTasksOn(executorId));
            }
        }
        taskEnds.executorLost(executorId);
        bus.post(new ListenerEvent.ExecutorRemoved(executorId, System.currentTimeMillis(), "Executor lost"));
        for (long taskId : lost) {
            statusUpdate(taskId, new TaskOutcome.Failed(new TaskEndReason.ExecutorLost(executorId)));
        }
    }

    @Override
    public int defaultParallelism() {
        return backend.defaultParallelism();
    }
}
