package io.ember.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the {@link ListenerBus}'s queues (Spark's AsyncEventQueue): a bounded queue and one
 * daemon thread delivering its events to its listeners in order. A listener that is slow
 * (the event log writing to a slow disk) delays only the listeners of its own queue. A full
 * queue drops the event and counts it, warning at most once a minute; a listener that throws
 * is logged and kept.
 *
 * <p>Threading: {@link #offer} from any thread; listeners run on this queue's thread only.
 */
final class ListenerQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);
    private static final ListenerEvent STOP = new ListenerEvent.JobEnd(-1, 0, false, null);

    private final String name;
    private final List<EmberListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<ListenerEvent> queue;
    private final Thread thread;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong();

    ListenerQueue(String name, int capacity) {
        this.name = name;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "ember-listener-bus-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void add(EmberListener l) {
        listeners.add(l);
    }

    /** Removes {@code l}; true if this queue held it. */
    boolean remove(EmberListener l) {
        return listeners.remove(l);
    }

    void offer(ListenerEvent e) {
        offered.incrementAndGet();
        if (!queue.offer(e)) {
            long n = dropped.incrementAndGet();
            delivered.incrementAndGet();
            long now = System.currentTimeMillis();
            long last = lastDropWarning.get();
            if (now - last >= 60_000 && lastDropWarning.compareAndSet(last, now)) {
                LOG.warn("The listener bus queue '{}' is full: {} events dropped so far (its listeners miss them); "
                        + "raise ember.scheduler.listenerbus.eventqueue.capacity", name, n);
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** True once every event offered so far was delivered or dropped. */
    boolean drained(long target) {
        return delivered.get() >= target;
    }

    long offered() {
        return offered.get();
    }

    /** Delivers what is queued, then ends the thread (waiting at most {@code ms}). */
    void stop(long ms) {
        if (!thread.isAlive()) {
            return;
        }
        try {
            if (queue.offer(STOP, ms, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                thread.join(ms);
            }
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
