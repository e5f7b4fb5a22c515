package io.ember.scheduler;

import io.ember.core.Accumulator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The DAG scheduler's inbox: any thread posts immutable events, the scheduler's event thread
 * takes them. Created before the task scheduler and the DAG scheduler, it is the
 * {@link TaskEndListener} the task scheduler reports to, which breaks the cycle between the
 * two schedulers without wiring either after construction.
 */
public final class DAGEventQueue implements TaskEndListener {
    private final LinkedBlockingQueue<DAGSchedulerEvent> queue = new LinkedBlockingQueue<>();

    void post(DAGSchedulerEvent e) {
        queue.add(e);
    }

    DAGSchedulerEvent take() throws InterruptedException {
        return queue.take();
    }

    /** The next event, or null when none is queued. */
    DAGSchedulerEvent poll() {
        return queue.poll();
    }

    @Override
    public void taskEnded(Task task, TaskEndReason reason, Object result, List<Accumulator<?, ?>> updates) {
        post(new DAGSchedulerEvent.TaskCompleted(task, reason, result, updates));
    }

    @Override
    public void taskSetFailed(int stageId, int stageAttempt, Throwable error) {
        post(new DAGSchedulerEvent.TaskSetFailed(stageId, stageAttempt, error));
    }

    @Override
    public void executorLost(String executorId) {
        post(new DAGSchedulerEvent.ExecutorLost(executorId));
    }

    @Override
    public void failAllJobs(String reason) {
        post(new DAGSchedulerEvent.AllJobsCancelled(reason));
    }
}
