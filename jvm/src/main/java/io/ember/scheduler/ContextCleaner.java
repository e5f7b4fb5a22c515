package io.ember.scheduler;

import io.ember.core.CleanupTask;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what RDDs, shuffles and broadcasts left behind once the driver no longer references
 * them. Each registered owner is held through a weak reference; when the garbage collector
 * clears it, the reference arrives on a queue and the owner's {@link CleanupTask} goes to the
 * {@link CleanupTarget}. Because a quiet driver heap may not be collected for a long time, a
 * timer runs a collection every {@code periodicGcMillis}. Owners released explicitly
 * (unpersist, destroy) are {@link #forget forgotten}, so they are not cleaned twice.
 *
 * <p>Threading: {@link #register} and {@link #forget} may be called from any thread. Cleanups
 * run on the cleaner's own daemon thread after {@link #start}, or on the thread calling
 * {@link #cleanCollected} (tests, which then need no thread at all).
 */
public final class ContextCleaner {
    private static final Logger LOG = LoggerFactory.getLogger(ContextCleaner.class);
    private static final long POLL_MILLIS = 100;

    private final CleanupTarget target;
    private final long periodicGcMillis;
    private final Runnable gc;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    /** The live reference of each task; the map also keeps the references themselves reachable. */
    private final Map<CleanupTask, OwnerReference> tracked = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private Thread thread;
    private ScheduledExecutorService gcTimer;

    /** A weak reference to an owner that remembers what to clean when it is cleared. */
    private static final class OwnerReference extends WeakReference<Object> {
        final CleanupTask task;

        OwnerReference(Object owner, CleanupTask task, ReferenceQueue<Object> queue) {
            super(owner, queue);
            this.task = task;
        }
    }

    /**
     * @param periodicGcMillis how often the timer started by {@link #start} calls {@code gc}
     * @param gc a garbage collection ({@code System::gc} in the driver)
     */
    public ContextCleaner(CleanupTarget target, long periodicGcMillis, Runnable gc) {
        this.target = target;
        this.periodicGcMillis = periodicGcMillis;
        this.gc = gc;
    }

    /** Starts the cleaning thread and the periodic collection timer. */
    public synchronized void start() {
        thread = new Thread(this::loop, "ember-context-cleaner");
        thread.setDaemon(true);
        thread.start();
        gcTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ember-context-cleaner-gc");
            t.setDaemon(true);
            return t;
        });
        gcTimer.scheduleWithFixedDelay(gc, periodicGcMillis, periodicGcMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the thread and the timer; owners still tracked are left to the context's own shutdown. */
    public void stop() {
        stopped = true;
        Thread t;
        synchronized (this) {
            t = thread;
            if (gcTimer != null) {
                gcTimer.shutdownNow();
            }
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tracked.clear();
    }

    /** Cleans {@code task} once {@code owner} is unreachable; a task registered again follows its newest owner. */
    public void register(Object owner, CleanupTask task) {
        if (!stopped) {
            tracked.put(task, new OwnerReference(owner, task, queue));
        }
    }

    /** Stops tracking {@code task}: its owner released it explicitly (unpersist, destroy). */
    public void forget(CleanupTask task) {
        OwnerReference ref = tracked.remove(task);
        if (ref != null) {
            ref.clear();
        }
    }

    /** How many owners are tracked (monitoring and tests). */
    public int trackedCount() {
        return tracked.size();
    }

    /**
     * Cleans up after the owners collected so far, waiting up to {@code timeoutMillis} for the
     * first one (0: no wait). Returns how many tasks were handed to the target.
     */
    public int cleanCollected(long timeoutMillis) throws InterruptedException {
        Reference<?> ref = timeoutMillis > 0 ? queue.remove(timeoutMillis) : queue.poll();
        int cleaned = 0;
        while (ref != null) {
            if (clean((OwnerReference) ref)) {
                cleaned++;
            }
            ref = queue.poll();
        }
        return cleaned;
    }

    private void loop() {
        while (!stopped) {
            try {
                cleanCollected(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Hands the reference's task to the target unless it was forgotten or registered again since. */
    private boolean clean(OwnerReference ref) {
        if (!tracked.remove(ref.task, ref)) {
            return false;
        }
        try {
            if (ref.task instanceof CleanupTask.CleanRdd r) {
                target.removeRdd(r.rddId());
            } else if (ref.task instanceof CleanupTask.CleanShuffle s) {
                target.removeShuffle(s.shuffleId(), s.numMaps());
            } else if (ref.task instanceof CleanupTask.CleanBroadcast b) {
                target.removeBroadcast(b.broadcastId());
            }
            LOG.debug("Cleaned {}", ref.task);
        } catch (RuntimeException e) {
            LOG.warn("Could not clean {}: {}", ref.task, e.toString());
        }
        return true;
    }
}
