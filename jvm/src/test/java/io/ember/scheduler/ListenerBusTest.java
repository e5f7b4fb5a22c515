package io.ember.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
