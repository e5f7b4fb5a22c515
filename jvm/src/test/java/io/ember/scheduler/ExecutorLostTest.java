package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.shuffle.MapOutputTracker;
import io.ember.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Losing an executor fails its running tasks with ExecutorLost, which do not count toward
 * maxFailures, and makes the DAG scheduler forget the map outputs it held (and only those).
 */
class ExecutorLostTest {
    /** A backend that launches nothing itself; the test makes offers by hand. */
    private static final class QuietBackend implements SchedulerBackend {
        public void start() {}

        public void stop() {}

        public void reviveOffers() {}

        public void killTask(long taskId, String executorId, boolean interruptThread, String reason) {}

        public int defaultParallelism() {
            return 2;
        }
    }

    @Test
    void lostTasksAreRetriedWithoutCountingAsFailures() {
        ListenerBus bus = new ListenerBus();
        List<ListenerEvent> events = new ArrayList<>();
        bus.addListener(events::add);
        MapOutputTracker outputs = new MapOutputTracker();
        DAGEventQueue dagEvents = new DAGEventQueue();
        TaskSchedulerImpl scheduler = new TaskSchedulerImpl(1, 0, bus, dagEvents, roles -> new QuietBackend());
        DAGScheduler dag = new DAGScheduler(dagEvents, scheduler, outputs, bus, new HashMap<>(), 4, CacheLocator.NONE);
        Task task = new ResultTask(0, 0, 0, new TestingRDD.P(0), 0, new byte[0], new Properties(), List.of());
        scheduler.submitTasks(new TaskSet(List.of(task), 0, 0, 0, new Properties()));

        outputs.registerShuffle(7, 2);
        outputs.registerMapOutput(7, 0, new MapStatus("exec-a", 0, new long[] {1}));
        outputs.registerMapOutput(7, 1, new MapStatus("exec-b", 1, new long[] {1}));
        long epoch = outputs.epoch();

        for (int attempt = 0; attempt < 3; attempt++) {
            List<TaskDescription> launched = scheduler.resourceOffers(List.of(new WorkerOffer("exec-a", "h", 1)));
            assertEquals(1, launched.size(), "with maxFailures 1, attempt " + attempt + " still runs");
            assertEquals(attempt, launched.get(0).attemptNumber());
            scheduler.executorLost("exec-a");
            assertTrue(scheduler.hasPendingTasks());
        }
        dag.drainEvents();
        assertEquals(List.of(0), outputs.missingMaps(7), "only exec-a's output is forgotten");
        assertTrue(outputs.epoch() > epoch, "executors must drop cached statuses");

        TaskDescription last = scheduler.resourceOffers(List.of(new WorkerOffer("exec-b", "h", 1))).get(0);
        scheduler.statusUpdate(last.taskId(), new TaskResult("done", List.of()));
        assertTrue(!scheduler.hasPendingTasks());
        bus.start();
        bus.stop();
        long lost = events.stream().filter(e -> e instanceof ListenerEvent.TaskEnd t
                && t.reason() instanceof TaskEndReason.ExecutorLost).count();
        assertEquals(3, lost);
        ListenerEvent.TaskEnd end = (ListenerEvent.TaskEnd) events.get(events.size() - 1);
        assertInstanceOf(TaskEndReason.Success.class, end.reason());
    }
}
