package io.ember.deploy;

import io.ember.core.ConfigKeys;

import io.ember.executor.Executor;
import io.ember.rdd.TaskEnv;
import io.ember.scheduler.ExecutorEvents;
import io.ember.scheduler.ResultMeter;
import io.ember.scheduler.SchedulerBackend;
import io.ember.scheduler.SchedulerRoles;
import io.ember.scheduler.TaskDescription;
import io.ember.scheduler.TaskOffers;
import io.ember.scheduler.TaskOutcome;
import io.ember.scheduler.TaskStatusSink;
import io.ember.scheduler.WorkerOffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Local mode: one executor ("driver") in this JVM with a fixed number of task slots.
 * Offers free slots whenever a task set arrives or a task ends; its executor reports task ends
 * here, and they go on to the scheduler's {@link TaskStatusSink} once the slot is free. Thread-safe.
 */
public final class LocalBackend implements SchedulerBackend, TaskStatusSink {
    public static final String EXECUTOR_ID = "driver";

    private final TaskOffers offers;
    private final TaskStatusSink statuses;
    private final ExecutorEvents executorEvents;
    private final int totalCores;
    private final Executor executor;
    private final ResultMeter resultMeter = new ResultMeter();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ember-local-revive");
        t.setDaemon(true);
        return t;
    });
    private final TaskEnv env;
    private int freeCores;

    public LocalBackend(SchedulerRoles scheduler, int cores, TaskEnv env, ClassLoader loader) {
        this.env = env;
        this.offers = scheduler.offers();
        this.statuses = scheduler.statuses();
        this.executorEvents = scheduler.executors();
        this.totalCores = cores;
        this.freeCores = cores;
        this.executor = new Executor(env, this, loader);
    }

    @Override
    public void start() {
        // the executor's pool starts threads on demand
        executorEvents.executorAdded(EXECUTOR_ID, "localhost", totalCores, Map.of());
        heartbeat();
        long every = env.conf().getMillis(ConfigKeys.EXECUTOR_HEARTBEAT_INTERVAL);
        timer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** What a remote executor's heartbeat says, for listeners: running tasks, heap, storage budget, Python workers. */
    private void heartbeat() {
        Runtime rt = Runtime.getRuntime();
        executorEvents.executorHeartbeat(EXECUTOR_ID, executor.progress(), rt.totalMemory() - rt.freeMemory(),
                env.memory().maxMemory(), env.services().liveProcesses());
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        executor.stop();
    }

    @Override
    public void reviveOffers() {
        List<TaskDescription> tasks;
        synchronized (this) {
            if (freeCores == 0) {
                return;
            }
            tasks = offers.resourceOffers(List.of(new WorkerOffer(EXECUTOR_ID, "localhost", freeCores)));
            freeCores -= tasks.size();
        }
        for (TaskDescription td : tasks) {
            executor.launchTask(td);
        }
        if (tasks.isEmpty() && offers.hasPendingTasks()) {
            timer.schedule(this::reviveOffers, 20, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void statusUpdate(long taskId, TaskOutcome outcome) {
        TaskOutcome measured = resultMeter.measured(outcome);   // on the task thread, as an executor would
        synchronized (this) {
            freeCores++;
        }
        statuses.statusUpdate(taskId, measured);
    }

    @Override
    public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {
        executor.killTask(taskId, interruptThread, reason);
    }

    @Override
    public int defaultParallelism() {
        return totalCores;
    }
}
