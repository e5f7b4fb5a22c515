package io.ember.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers scheduler events to listeners asynchronously on one daemon thread, so slow
 * listeners never block scheduling. The queue is bounded: when it is full, {@link #post} drops
 * the event instead of waiting, counts it ({@link #droppedEvents}) and logs a warning at most
 * once a minute. A listener that throws is logged and kept.
 *
 * <p>Threading: {@link #post} from any thread; listeners run on the bus thread only.
 */
public final class ListenerBus {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);
    private static final ListenerEvent STOP = new ListenerEvent.JobEnd(-1, 0, false, null);

    private final List<EmberListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<ListenerEvent> queue;
    private final Thread thread = new Thread(this::run, "ember-listener-bus");
    private final java.util.concurrent.atomic.AtomicLong posted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastDropWarning = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean stopped;

    /** A bus with Spark's default capacity (10,000 queued events). */
    public ListenerBus() {
        this(10_000);
    }

    public ListenerBus(int capacity) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void addListener(EmberListener l) {
        listeners.add(l);
    }

    public void removeListener(EmberListener l) {
        listeners.remove(l);
    }

    public void post(ListenerEvent e) {
        if (stopped) {
            return;
        }
        posted.incrementAndGet();
        if (!queue.offer(e)) {
            long n = dropped.incrementAndGet();
            delivered.incrementAndGet();
            long now = System.currentTimeMillis();
            long last = lastDropWarning.get();
            if (now - last >= 60_000 && lastDropWarning.compareAndSet(last, now)) {
                LOG.warn("The listener bus is full: {} events dropped so far (the UI and event log miss them); "
                        + "raise ember.scheduler.listenerbus.eventqueue.capacity", n);
            }
        }
    }

    /** Events dropped because the queue was full, since the bus was made. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Waits until every event posted so far was delivered (tests). */
    public void waitUntilEmpty(long timeoutMs) throws InterruptedException {
        long target = posted.get();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (delivered.get() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
    }

    public void stop() {
        stopped = true;
        try {
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (true) {
                ListenerEvent e = queue.take();
                if (e == STOP) {
                    return;
                }
                for (EmberListener l : listeners) {
                    try {
                        l.onEvent(e);
                    } catch (RuntimeException ex) {
                        LOG.warn("Listener {} failed on {}", l, e, ex);
                    }
                }
                delivered.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
