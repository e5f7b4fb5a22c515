package io.ember.scheduler;

import io.ember.core.TaskFailedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places tasks of active task sets on offered executor slots, FIFO by job then stage, and
 * routes task status updates to the task set managers (retries) and the DAG scheduler.
 * Thread-safe: offers and status updates synchronize on this.
 */
public final class TaskSchedulerImpl implements TaskScheduler {
    /** Task states reported by executors. */
    public enum TaskState { RUNNING, FINISHED, FAILED, KILLED }

    private final int maxFailures;
    private final long localityWaitMs;
    private final ListenerBus bus;
    private final List<TaskSetManager> active = new ArrayList<>();
    private final Map<Long, TaskSetManager> byTaskId = new HashMap<>();
    private final Map<Long, Long> startTimes = new HashMap<>();
    private DAGScheduler dagScheduler;
    private SchedulerBackend backend;
    private long nextTaskId;

    public TaskSchedulerImpl(int maxFailures, long localityWaitMs, ListenerBus bus) {
        this.maxFailures = maxFailures;
        this.localityWaitMs = localityWaitMs;
        this.bus = bus;
    }

    public void initialize(DAGScheduler dagScheduler, SchedulerBackend backend) {
        this.dagScheduler = dagScheduler;
        this.backend = backend;
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

    /** Assigns tasks to the offered slots; the backend launches what this returns. */
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
                                td.task().partitionId(), tid, td.attemptNumber(), o.executorId()));
                    }
                }
            }
        }
        return launched;
    }

    /** An executor's heartbeat, passed to listeners. */
    public void executorHeartbeat(String executorId, List<TaskProgress> running, long heapUsedBytes) {
        bus.post(new ListenerEvent.ExecutorMetricsUpdate(executorId, running, heapUsedBytes));
    }

    /** Fails every active job with {@code reason}: the cluster cannot run them. */
    public void failAllJobs(String reason) {
        dagScheduler.failAllJobs(reason);
    }

    /** Tasks waiting for a slot plus tasks running: the slots the application could use now. */
    public synchronized int demandedSlots() {
        int n = 0;
        for (TaskSetManager m : active) {
            n += (m.zombie ? 0 : m.pendingCount()) + m.runningTasks.size();
        }
        return n;
    }

    /** True while some task set still has tasks waiting for a slot (the backend retries offers). */
    public synchronized boolean hasPendingTasks() {
        for (TaskSetManager m : active) {
            if (m.hasPending()) {
                return true;
            }
        }
        return false;
    }

    /** Called by the backend when a task ends; {@code data} is a TaskResult or a TaskEndReason. */
    public void statusUpdate(long taskId, TaskState state, Object data) {
        Task task;
        TaskEndReason reason;
        TaskFailedException abort = null;
        TaskSetManager m;
        int attempt;
        long duration;
        synchronized (this) {
            m = byTaskId.remove(taskId);
            Long start = startTimes.remove(taskId);
            duration = start == null ? 0 : System.currentTimeMillis() - start;
            if (m == null) {
                return;
            }
            task = m.task(taskId);
            attempt = m.attemptOf(taskId);
            if (state == TaskState.FINISHED) {
                reason = new TaskEndReason.Success();
                if (!m.succeeded(taskId)) {
                    task = null;
                }
            } else {
                reason = (TaskEndReason) data;
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
                reason, duration));
        if (reason instanceof TaskEndReason.Success) {
            TaskResult r = (TaskResult) data;
            dagScheduler.taskEnded(task, reason, r.value(), r.accumUpdates());
        } else {
            dagScheduler.taskEnded(task, reason, null, null);
        }
        if (abort != null) {
            dagScheduler.taskSetFailed(m.taskSet.stageId(), m.taskSet.stageAttempt(), abort);
        }
        backend.reviveOffers();
    }

    /**
     * An executor went away: its running tasks fail with {@link TaskEndReason.ExecutorLost}
     * (retried without counting toward maxFailures), and the DAG scheduler forgets the map
     * outputs it held so that they are recomputed.
     */
    public void executorLost(String executorId) {
        List<Long> lost = new ArrayList<>();
        synchronized (this) {
            for (TaskSetManager m : active) {
                lost.addAll(m.runningTasksOn(executorId));
            }
        }
        if (dagScheduler != null) {
            dagScheduler.executorLost(executorId);
        }
        for (long taskId : lost) {
            statusUpdate(taskId, TaskState.FAILED, new TaskEndReason.ExecutorLost(executorId));
        }
    }

    @Override
    public int defaultParallelism() {
        return backend.defaultParallelism();
    }
}
