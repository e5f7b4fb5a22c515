package io.ember.executor;

import io.ember.core.AccumulatorRegistry;
import io.ember.rdd.ExecutorServices;
import io.ember.rdd.TaskContext;
import io.ember.rdd.TaskEnv;
import io.ember.rdd.TaskKilledException;
import io.ember.scheduler.TaskDescription;
import io.ember.scheduler.TaskProgress;
import io.ember.scheduler.TaskEndReason;
import io.ember.scheduler.TaskOutcome;
import io.ember.scheduler.TaskResult;
import io.ember.scheduler.TaskStatusSink;
import io.ember.shuffle.FetchFailedException;
import java.util.Map;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks in a thread pool: sets up the task context, runs the task, and reports its
 * outcome (its result, or a TaskEndReason value) to a {@link TaskStatusSink}, its backend.
 * Tasks can be killed. Thread-safe. The executor owns its env's {@link ExecutorServices} and
 * closes them when it stops.
 */
public final class Executor {
    private static final Logger LOG = LoggerFactory.getLogger(Executor.class);

    private final TaskEnv env;
    private final TaskStatusSink backend;
    private final ExecutorService pool;
    private final ClassLoader loader;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    private record Running(TaskContext context, Thread[] thread, long startMs) {}

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public Executor(TaskEnv env, TaskStatusSink backend, ClassLoader loader) {
        this.env = env;
        this.backend = backend;
        this.loader = loader;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "ember-executor-task-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(tf);
    }

    public TaskEnv env() {
        return env;
    }

    public void launchTask(TaskDescription td) {
        TaskContext ctx = new TaskContext(td.task().stageId(), td.task().stageAttempt(), td.task().partitionId(),
                td.attemptNumber(), td.taskId(), td.task().properties(), env);
        Running r = new Running(ctx, new Thread[1], System.currentTimeMillis());
        running.put(td.taskId(), r);
        pool.execute(() -> run(td, r));
    }

    private void run(TaskDescription td, Running r) {
        TaskContext ctx = r.context();
        r.thread()[0] = Thread.currentThread();
        TaskContext.set(ctx);
        AccumulatorRegistry.begin();
        TaskOutcome outcome;
        TaskClock clock = TaskClock.start();
        try {
            if (ctx.isInterrupted()) {
                throw new TaskKilledException(ctx.killReason());
            }
            Object value = td.task().run(ctx, loader);
            outcome = new TaskResult(value, AccumulatorRegistry.end(), clock.stop(ctx.metrics(), env.memory().peakExecution(td.taskId())));
        } catch (FetchFailedException e) {
            outcome = new TaskOutcome.Failed(new TaskEndReason.FetchFailed(e.shuffleId(), e.mapId(), e.lostMaps(),
                    e.reduceId(), e.getMessage()), clock.stop(ctx.metrics(), env.memory().peakExecution(td.taskId())));
        } catch (TaskKilledException e) {
            outcome = new TaskOutcome.Failed(new TaskEndReason.TaskKilled(e.getMessage()), clock.stop(ctx.metrics(), env.memory().peakExecution(td.taskId())));
        } catch (Throwable t) {
            if (ctx.isInterrupted()) {
                outcome = new TaskOutcome.Failed(new TaskEndReason.TaskKilled(ctx.killReason()),
                        clock.stop(ctx.metrics(), env.memory().peakExecution(td.taskId())));
            } else {
                outcome = new TaskOutcome.Failed(new TaskEndReason.ExceptionFailure(t), clock.stop(ctx.metrics(), env.memory().peakExecution(td.taskId())));
                LOG.debug("Task {} ({}) failed", td.taskId(), td.task(), t);
            }
        } finally {
            AccumulatorRegistry.end();
            for (Runnable listener : ctx.completionListeners()) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("Task completion listener failed", e);
                }
            }
            env.memory().releaseAllExecution(td.taskId());
            TaskContext.set(null);
            running.remove(td.taskId());
            Thread.interrupted();
        }
        backend.statusUpdate(td.taskId(), outcome);
    }

    /** The running tasks' run time and CPU time so far (for heartbeats). */
    public List<TaskProgress> progress() {
        long now = System.currentTimeMillis();
        List<TaskProgress> out = new ArrayList<>();
        running.forEach((id, r) -> {
            Thread t = r.thread()[0];
            long cpuNanos = t == null || !THREADS.isThreadCpuTimeSupported() ? 0 : Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            out.add(new TaskProgress(id, now - r.startMs(), cpuNanos / 1_000_000));
        });
        return out;
    }

    public void killTask(long taskId, boolean interruptThread, String reason) {
        Running r = running.get(taskId);
        if (r != null) {
            r.context().kill(reason);
            Thread t = r.thread()[0];
            if (interruptThread && t != null) {
                t.interrupt();
            }
        }
    }

    public void stop() {
        pool.shutdownNow();
        env.services().close();
    }

    /** After {@link #stop}, waits up to {@code ms} for running tasks to end; false if some still run. */
    public boolean awaitTermination(long ms) throws InterruptedException {
        return pool.awaitTermination(ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
