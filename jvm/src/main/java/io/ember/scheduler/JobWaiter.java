package io.ember.scheduler;

import io.ember.core.EmberException;
import io.ember.core.JobCancelledException;
import io.ember.core.JobFailedException;
import io.ember.core.TaskFailedException;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/** Hands results to a handler and lets the submitting thread wait for the job's end. */
public final class JobWaiter implements JobListener {
    private final int totalTasks;
    private final BiConsumer<Integer, Object> handler;
    private final CountDownLatch done = new CountDownLatch(1);
    private int finished;
    private volatile Throwable failure;
    private volatile int jobId = -1;

    public JobWaiter(int totalTasks, BiConsumer<Integer, Object> handler) {
        this.totalTasks = totalTasks;
        this.handler = handler;
        if (totalTasks == 0) {
            done.countDown();
        }
    }

    void setJobId(int jobId) {
        this.jobId = jobId;
    }

    public int jobId() {
        return jobId;
    }

    @Override
    public void taskSucceeded(int outputId, Object result) {
        try {
            handler.accept(outputId, result);
        } catch (RuntimeException e) {
            jobFailed(e);
            return;
        }
        if (++finished == totalTasks) {
            done.countDown();
        }
    }

    @Override
    public void jobFailed(Throwable error) {
        failure = error;
        done.countDown();
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /**
     * Blocks until the job ends; rethrows its failure as an exception created on this thread,
     * keeping the original failure as the cause chain.
     */
    public void await() throws InterruptedException {
        done.await();
        Throwable f = failure;
        if (f == null) {
            return;
        }
        if (f instanceof TaskFailedException t) {
            throw new TaskFailedException(t.stageId(), t.partition(), t.attempts(), t.getCause());
        }
        if (f instanceof JobCancelledException c) {
            throw new JobCancelledException(c.getMessage());
        }
        if (f instanceof EmberException e) {
            throw new JobFailedException("Job " + jobId + " failed: " + e.getMessage(), e);
        }
        throw new JobFailedException("Job " + jobId + " failed: " + f, f);
    }
}
