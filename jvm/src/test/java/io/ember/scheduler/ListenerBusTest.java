package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerBusTest {
    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        ListenerBus bus = new ListenerBus(2);
        List<ListenerEvent> seen = new ArrayList<>();
        bus.addListener(seen::add);
        for (int i = 0; i < 5; i++) {
            bus.post(new ListenerEvent.ApplicationEnd(i)); // not started: nothing drains the queue
        }
        assertEquals(3, bus.droppedEvents());
        bus.start();
        bus.waitUntilEmpty(10_000);
        assertEquals(List.of(new ListenerEvent.ApplicationEnd(0), new ListenerEvent.ApplicationEnd(1)), seen);
        bus.stop();
    }

    @Test
    void aSlowQueueDoesNotDelayTheOthers() throws InterruptedException {
        ListenerBus bus = new ListenerBus(100);
        java.util.concurrent.CountDownLatch slowDisk = new java.util.concurrent.CountDownLatch(1);
        List<ListenerEvent> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch storeSawAll = new java.util.concurrent.CountDownLatch(10);
        bus.addListener(e -> {
            try {
                slowDisk.await();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            logged.add(e);
        }, ListenerBus.EVENT_LOG);
        bus.addListener(e -> storeSawAll.countDown(), ListenerBus.APP_STATUS);
        bus.start();
        for (int i = 0; i < 10; i++) {
            bus.post(new ListenerEvent.ApplicationEnd(i));
        }
        assertTrue(storeSawAll.await(10, java.util.concurrent.TimeUnit.SECONDS),
                "the store's queue delivered while the event log's listener was stuck");
        assertTrue(logged.isEmpty());
        slowDisk.countDown();
        bus.waitUntilEmpty(10_000);
        assertEquals(10, logged.size());
        assertEquals(0, bus.droppedEvents());
        bus.stop();
    }

    @Test
    void eachQueueDropsOnItsOwn() {
        ListenerBus bus = new ListenerBus(2);
        bus.addListener(e -> { }, ListenerBus.EVENT_LOG);
        for (int i = 0; i < 5; i++) {
            bus.post(new ListenerEvent.ApplicationEnd(i));
        }
        assertEquals(3, bus.droppedEvents(ListenerBus.EVENT_LOG));
        assertEquals(3, bus.droppedEvents(ListenerBus.SHARED));
        assertEquals(6, bus.droppedEvents());
        bus.stop();
    }
}
