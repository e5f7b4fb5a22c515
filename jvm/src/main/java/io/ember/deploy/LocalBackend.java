package io.ember.deploy;

import io.ember.executor.Executor;
import io.ember.executor.ExecutorBackend;
import io.ember.rdd.TaskEnv;
import io.ember.scheduler.SchedulerBackend;
import io.ember.scheduler.TaskDescription;
import io.ember.scheduler.TaskSchedulerImpl;
import io.ember.scheduler.TaskSchedulerImpl.TaskState;
import io.ember.scheduler.WorkerOffer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Local mode: one executor ("driver") in this JVM with a fixed number of task slots.
 * Offers free slots whenever a task set arrives or a task ends. Thread-safe.
 */
public final class LocalBackend implements SchedulerBackend, ExecutorBackend {
    public static final String EXECUTOR_ID = "driver";

    private final TaskSchedulerImpl scheduler;
    private final int totalCores;
    private final Executor executor;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ember-local-revive");
        t.setDaemon(true);
        return t;
    });
    private int freeCores;

    public LocalBackend(TaskSchedulerImpl scheduler, int cores, TaskEnv env, ClassLoader loader) {
        this.scheduler = scheduler;
        this.totalCores = cores;
        this.freeCores = cores;
        this.executor = new Executor(env, this, loader);
    }

    @Override
    public void start() {
        // the executor's pool starts threads on demand
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
            tasks = scheduler.resourceOffers(List.of(new WorkerOffer(EXECUTOR_ID, "localhost", freeCores)));
            freeCores -= tasks.size();
        }
        for (TaskDescription td : tasks) {
            executor.launchTask(td);
        }
        if (tasks.isEmpty() && scheduler.hasPendingTasks()) {
            timer.schedule(this::reviveOffers, 20, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void statusUpdate(long taskId, TaskState state, Object data) {
        synchronized (this) {
            freeCores++;
        }
        scheduler.statusUpdate(taskId, state, data);
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
