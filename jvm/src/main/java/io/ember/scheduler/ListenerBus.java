package io.ember.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers scheduler events to listeners asynchronously, so slow listeners never block
 * scheduling. Listeners are grouped in named queues ({@link ListenerQueue}), each with its own
 * bounded queue and thread, as Spark's {@code shared}, {@code appStatus} and {@code eventLog}
 * queues: a slow listener delays only its own queue. When a queue is full, {@link #post}
 * drops the event for that queue instead of waiting and counts it ({@link #droppedEvents}).
 *
 * <p>Threading: {@link #post} from any thread; each listener runs on its queue's thread only.
 * Queues are made on first use and live until {@link #stop}.
 */
public final class ListenerBus {
    /** The queue of listeners added without naming one. */
    public static final String SHARED = "shared";
    /** The web UI's store (Spark's appStatus queue). */
    public static final String APP_STATUS = "appStatus";
    /** The event log writer, so a slow disk never delays the UI's store. */
    public static final String EVENT_LOG = "eventLog";

    private final int capacity;
    private final Map<String, ListenerQueue> queues = new LinkedHashMap<>();
    private volatile List<ListenerQueue> snapshot = List.of();
    private boolean started;
    private volatile boolean stopped;

    /** A bus with Spark's default capacity (10,000 queued events per queue). */
    public ListenerBus() {
        this(10_000);
    }

    /** {@code capacity} events may wait in each queue. */
    public ListenerBus(int capacity) {
        this.capacity = capacity;
        queue(SHARED);
    }

    public synchronized void start() {
        started = true;
        for (ListenerQueue q : queues.values()) {
            q.start();
        }
    }

    /** Adds {@code l} to the shared queue. */
    public void addListener(EmberListener l) {
        addListener(l, SHARED);
    }

    /** Adds {@code l} to the queue named {@code queueName}, made (and started) if new. */
    public void addListener(EmberListener l, String queueName) {
        queue(queueName).add(l);
    }

    public void removeListener(EmberListener l) {
        for (ListenerQueue q : snapshot) {
            q.remove(l);
        }
    }

    private synchronized ListenerQueue queue(String name) {
        ListenerQueue q = queues.get(name);
        if (q == null) {
            q = new ListenerQueue(name, capacity);
            queues.put(name, q);
            snapshot = List.copyOf(queues.values());
            if (started && !stopped) {
                q.start();
            }
        }
        return q;
    }

    public void post(ListenerEvent e) {
        if (stopped) {
            return;
        }
        for (ListenerQueue q : snapshot) {
            q.offer(e);
        }
    }

    /** Events dropped because a queue was full, summed over the queues, since the bus was made. */
    public long droppedEvents() {
        long n = 0;
        for (ListenerQueue q : snapshot) {
            n += q.dropped();
        }
        return n;
    }

    /** Events the queue named {@code queueName} dropped (0 for a queue that does not exist). */
    public synchronized long droppedEvents(String queueName) {
        ListenerQueue q = queues.get(queueName);
        return q == null ? 0 : q.dropped();
    }

    /** Waits until every event posted so far was delivered by every queue (tests). */
    public void waitUntilEmpty(long timeoutMs) throws InterruptedException {
        List<ListenerQueue> qs = snapshot;
        List<Long> targets = new ArrayList<>();
        for (ListenerQueue q : qs) {
            targets.add(q.offered());
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (int i = 0; i < qs.size(); i++) {
            while (!qs.get(i).drained(targets.get(i)) && System.currentTimeMillis() < deadline) {
                Thread.sleep(1);
            }
        }
    }

    /** Stops posting, lets each queue deliver what it holds, and ends the queues' threads. */
    public void stop() {
        List<ListenerQueue> qs;
        synchronized (this) {
            stopped = true;
            qs = snapshot;
        }
        for (ListenerQueue q : qs) {
            q.stop(2000);
        }
    }
}
