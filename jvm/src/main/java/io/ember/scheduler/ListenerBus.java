package io.ember.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers scheduler events to listeners asynchronously on one daemon thread, so slow
 * listeners never block scheduling. A listener that throws is logged and kept.
 */
public final class ListenerBus {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);
    private static final ListenerEvent STOP = new ListenerEvent.JobEnd(-1, 0, false, null);

    private final List<EmberListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<ListenerEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "ember-listener-bus");
    private final java.util.concurrent.atomic.AtomicLong posted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean stopped;

    public ListenerBus() {
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
        if (!stopped) {
            posted.incrementAndGet();
            queue.add(e);
        }
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
        queue.add(STOP);
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
