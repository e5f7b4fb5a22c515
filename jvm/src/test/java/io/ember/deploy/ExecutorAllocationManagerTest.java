package io.ember.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.core.EmberConf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dynamic allocation's decisions, driven by a hand-set backlog and executor list (no cluster). */
class ExecutorAllocationManagerTest {
    /** The backlog and executors the test sets, and what the manager asked for. */
    private static final class Fake implements ExecutorAllocationManager.Backlog, ExecutorAllocationManager.Executors {
        int demanded;
        boolean pending;
        List<ExecutorAllocationManager.Idle> executors = new ArrayList<>();
        final List<Integer> requested = new ArrayList<>();
        final List<String> released = new ArrayList<>();

        @Override
        public int demandedSlots() {
            return demanded;
        }

        @Override
        public boolean hasPendingTasks() {
            return pending;
        }

        @Override
        public List<ExecutorAllocationManager.Idle> idle(long now) {
            return executors;
        }

        @Override
        public void release(List<String> executorIds, String reason) {
            released.addAll(executorIds);
        }

        @Override
        public void requestTotal(int total) {
            requested.add(total);
        }
    }

    private static ExecutorAllocationManager manager(Fake fake, String min, String max) {
        EmberConf conf = new EmberConf(false).set("ember.dynamicAllocation.minExecutors", min)
                .set("ember.dynamicAllocation.schedulerBacklogTimeout", "1s")
                .set("ember.dynamicAllocation.executorIdleTimeout", "60s");
        if (max != null) {
            conf.set("ember.dynamicAllocation.maxExecutors", max);
        }
        return new ExecutorAllocationManager(conf, fake, fake, 1);
    }

    @Test
    void aLastingBacklogAsksForOneTwoFourMoreUpToWhatTheTasksCanUse() {
        Fake fake = new Fake();
        ExecutorAllocationManager m = manager(fake, "0", null);
        fake.pending = true;
        fake.demanded = 10;
        for (long t = 1000; t <= 5000; t += 100) {
            m.tick(t);
        }
        assertEquals(List.of(1, 3, 7, 10), fake.requested);
    }

    @Test
    void growthStopsAtMaxExecutors() {
        Fake fake = new Fake();
        ExecutorAllocationManager m = manager(fake, "0", "2");
        fake.pending = true;
        fake.demanded = 50;
        for (long t = 1000; t <= 10_000; t += 100) {
            m.tick(t);
        }
        assertEquals(List.of(1, 2), fake.requested);
    }

    @Test
    void idleExecutorsGoButNotBelowTheMinimumOrThoseWithCachedBlocks() {
        Fake fake = new Fake();
        ExecutorAllocationManager m = manager(fake, "1", null);
        fake.executors = List.of(new ExecutorAllocationManager.Idle("0", 61_000, false),
                new ExecutorAllocationManager.Idle("1", 61_000, false),
                new ExecutorAllocationManager.Idle("2", 61_000, true),
                new ExecutorAllocationManager.Idle("3", 0, false));
        fake.demanded = 1; // one task running, on executor 3
        m.tick(100_000);
        assertEquals(List.of("0", "1"), fake.released);
    }

    @Test
    void executorsIdleForLessThanTheTimeoutStay() {
        Fake fake = new Fake();
        ExecutorAllocationManager m = manager(fake, "0", null);
        fake.executors = List.of(new ExecutorAllocationManager.Idle("0", 59_000, false));
        m.tick(100_000);
        assertEquals(List.of(), fake.released);
    }
}
